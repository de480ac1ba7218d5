/// Names made unique in a namespace the way every stage does it: `name`, then `name2`,
/// `name3`… until one is free.
public enum UniqueName {
  public static func make(_ name: String, isTaken: (String) -> Bool) -> String {
    var unique = name
    var counter = 2
    while isTaken(unique) {
      unique = "\(name)\(counter)"
      counter += 1
    }
    return unique
  }
}
