select input, fingerprint from mizan_build_inputs
