package org.mizan.layering.b;

import org.mizan.layering.a.Upstairs;

/** The other half of the deliberate cycle: an import back up. */
public class Downstairs {

    public Upstairs above() {
        return new Upstairs();
    }
}
