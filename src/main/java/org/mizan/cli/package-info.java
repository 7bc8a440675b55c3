/** The command line: one class per command (demo, run, query, status), the launcher's entry point and its output. */
package org.mizan.cli;
