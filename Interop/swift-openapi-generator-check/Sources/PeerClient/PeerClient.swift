// The generated Types.swift and Client.swift sit beside this file (`make interop` writes
// them from the corpus's openapi.json); this file only keeps the target from being empty
// before they exist.
import OpenAPIRuntime
