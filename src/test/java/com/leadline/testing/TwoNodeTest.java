package com.leadline.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;

/** A test with a second application node on the same database, started and stopped around each test. */
public abstract class TwoNodeTest extends IntegrationTest {

    @Value("${spring.datasource.url}")
    private String databaseUrl;
    @Value("${spring.datasource.password}")
    private String applicationPassword;
    @Value("${spring.flyway.password}")
    private String ownerPassword;

    private SecondNode secondNode;
    /** The second node's HTTP port: reach it with {@code session.onPort(secondPort)}. */
    protected int secondPort;

    @BeforeEach
    void startSecondNode() {
        secondNode = SecondNode.start(databaseUrl, applicationPassword, ownerPassword);
        secondPort = secondNode.port();
    }

    @AfterEach
    void stopSecondNode() {
        secondNode.close();
    }
}
