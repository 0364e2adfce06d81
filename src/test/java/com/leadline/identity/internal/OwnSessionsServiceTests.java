package com.leadline.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OwnSessionsServiceTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0:0:0:0:0:0:0:1 | ::1",
            "2001:db8:0:0:0:0:2:1 | 2001:db8::2:1",
            "2001:db8:0:1:0:0:0:1 | 2001:db8:0:1::1",
            "2001:db8:1:2:3:4:5:6 | 2001:db8:1:2:3:4:5:6",
            "fe80:0:0:0:0:0:0:0 | fe80::",
            "203.0.113.5 | 203.0.113.5",
    })
    void anAddressIsShownAsPeopleWriteIt(String stored, String shown) {
        assertThat(OwnSessionsService.shown(stored)).isEqualTo(shown);
    }
}
