package com.leadline.accounts.internal;

import com.leadline.accounts.Profiles;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class ProfileDirectory implements Profiles {

    private final JdbcClient jdbc;

    ProfileDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProfileSummary> all() {
        return jdbc.sql("SELECT id, name FROM profiles ORDER BY lower(name), id").query(ProfileSummary.class).list();
    }
}
