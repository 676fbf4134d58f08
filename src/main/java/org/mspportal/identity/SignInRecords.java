package org.mspportal.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.mspportal.shared.StoredTime;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Completed sign-ins, so each administrator can spot one that was not theirs. */
@Repository
class SignInRecords {

    record SignInRecord(Instant occurredAt, Optional<String> address, Optional<String> userAgent, String method) {
    }

    private final JdbcClient jdbc;

    SignInRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID accountId, Instant now, SecondFactor factor) {
        Optional<HttpServletRequest> request = currentRequest();
        jdbc.sql("""
                INSERT INTO sign_in_record (account_id, occurred_at, address, user_agent, method)
                VALUES (:account, :now, :address, :agent, :method)""")
                .param("account", accountId)
                .param("now", StoredTime.of(now))
                .param("address", request.map(HttpServletRequest::getRemoteAddr).orElse(null))
                .param("agent", request.map(r -> r.getHeader(HttpHeaders.USER_AGENT)).map(SignInRecords::clip)
                        .orElse(null))
                .param("method", factor.name())
                .update();
    }

    List<SignInRecord> recent(UUID accountId, int limit) {
        return jdbc.sql("""
                SELECT occurred_at, address, user_agent, method FROM sign_in_record
                 WHERE account_id = :account ORDER BY occurred_at DESC, id DESC LIMIT :limit""")
                .param("account", accountId)
                .param("limit", limit)
                .query(SignInRecords::row)
                .list();
    }

    private static String clip(String userAgent) {
        return userAgent.length() > 300 ? userAgent.substring(0, 300) : userAgent;
    }

    private static Optional<HttpServletRequest> currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest())
                : Optional.empty();
    }

    private static SignInRecord row(ResultSet rs, int rowNum) throws SQLException {
        return new SignInRecord(
                StoredTime.required(rs, "occurred_at"),
                Optional.ofNullable(rs.getString("address")),
                Optional.ofNullable(rs.getString("user_agent")),
                SecondFactor.valueOf(rs.getString("method")).description());
    }
}
