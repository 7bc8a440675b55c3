/** Hostile and odd input: the bad-input corpus, its generator and the tests that read it. */
package org.mizan.hostile;
