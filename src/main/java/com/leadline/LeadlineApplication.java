package com.leadline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LeadlineApplication {

    public static void main(String[] args) {
        SpringApplication.run(LeadlineApplication.class, args);
    }
}
