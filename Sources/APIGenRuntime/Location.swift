/// A point on the map: `{ "lat": …, "lng": … }` in degrees.
public struct Location: Hashable, Sendable, Codable {
  public var lat: Double
  public var lng: Double

  public init(lat: Double, lng: Double) {
    self.lat = lat
    self.lng = lng
  }
}
