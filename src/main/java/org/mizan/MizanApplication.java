package org.mizan;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application the CLI starts for commands that run jobs or read the job repository. */
@SpringBootApplication
public class MizanApplication {}
