package org.mizan.layering.a;

import org.mizan.layering.b.Downstairs;

/** Half of a deliberate package cycle, for PackageLayeringTest's check that it finds one. */
public class Upstairs {

    public Downstairs below() {
        return new Downstairs();
    }
}
