// The mock server lands here.
