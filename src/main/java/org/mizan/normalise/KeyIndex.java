package org.mizan.normalise;

/**
 * A set of string keys with an int each (the line or file they came from), held as two 64-bit hashes in flat
 * arrays: five million transaction keys take about 120 MB instead of the gigabyte a HashMap of strings would.
 * Two independent 64-bit hashes make a false match about 1 in 10^28 per pair of distinct keys.
 */
public final class KeyIndex {

    private long[] hashes = new long[2 * 1024];
    private int[] values = new int[1024];
    private boolean[] used = new boolean[1024];
    private int size;

    /** The value stored for the key, or -1. */
    public int get(String key) {
        long h1 = hash(key, 0x9E3779B97F4A7C15L);
        long h2 = hash(key, 0xC2B2AE3D27D4EB4FL);
        int mask = values.length - 1;
        for (int i = (int) (h1 ^ (h1 >>> 32)) & mask; used[i]; i = (i + 1) & mask) {
            if (hashes[2 * i] == h1 && hashes[2 * i + 1] == h2) {
                return values[i];
            }
        }
        return -1;
    }

    /** Stores the key with its value unless present; returns the earlier value, or -1 if it was new. */
    public int putIfAbsent(String key, int value) {
        if (size * 10 >= values.length * 7) {
            grow();
        }
        long h1 = hash(key, 0x9E3779B97F4A7C15L);
        long h2 = hash(key, 0xC2B2AE3D27D4EB4FL);
        return insert(h1, h2, value);
    }

    private int insert(long h1, long h2, int value) {
        int mask = values.length - 1;
        int i = (int) (h1 ^ (h1 >>> 32)) & mask;
        for (; used[i]; i = (i + 1) & mask) {
            if (hashes[2 * i] == h1 && hashes[2 * i + 1] == h2) {
                return values[i];
            }
        }
        used[i] = true;
        hashes[2 * i] = h1;
        hashes[2 * i + 1] = h2;
        values[i] = value;
        size++;
        return -1;
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldValues = values;
        boolean[] oldUsed = used;
        hashes = new long[oldHashes.length * 2];
        values = new int[oldValues.length * 2];
        used = new boolean[oldUsed.length * 2];
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                insert(oldHashes[2 * i], oldHashes[2 * i + 1], oldValues[i]);
            }
        }
    }

    public int size() {
        return size;
    }

    /** FNV-style mixing over UTF-16 units with a murmur finaliser; seeds give two independent hashes. */
    private static long hash(String s, long seed) {
        long h = seed;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
            h = Long.rotateLeft(h, 29) ^ seed;
        }
        h ^= s.length();
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
