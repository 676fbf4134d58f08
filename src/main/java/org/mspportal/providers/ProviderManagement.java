package org.mspportal.providers;

import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Validator;

import org.mspportal.shared.NotFound;
import org.mspportal.shared.ProviderScope;
import org.mspportal.shared.RejectedInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Onboarding, listing and suspending MSPs, and each MSP's authenticator-app policy. */
@Service
public class ProviderManagement {

    private final Providers providers;
    private final ApplicationEventPublisher events;
    private final Validator validator;
    private final Clock clock;

    ProviderManagement(Providers providers, ApplicationEventPublisher events, Validator validator, Clock clock) {
        this.providers = providers;
        this.events = events;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Creates the MSP and, through {@link ProviderOnboarded}, invites its first administrators.
     *
     * @throws RejectedInput when the name is taken or an administrator's email cannot be used;
     *     nothing is stored then, not even the invitations that were fine
     */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public Provider onboard(OnboardProvider command) {
        refuseInvalid(command);
        if (providers.nameTaken(command.name())) {
            throw nameTaken();
        }
        var provider = new Provider(UUID.randomUUID(), command.name(), ProviderStatus.ACTIVE, false, clock.instant());
        try {
            providers.add(provider);
        } catch (DuplicateKeyException anotherOperatorWasFirst) {
            throw nameTaken();
        }
        events.publishEvent(new ProviderOnboarded(provider.id(), provider.name(), command.administratorEmails()));
        return provider;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('OPERATOR')")
    public Page<Provider> list(Pageable page) {
        return list("", page);
    }

    /**
     * The MSPs whose name contains {@code search}, ignoring case; a blank search lists them all.
     * The page may be sorted by {@code name}, {@code createdAt} or {@code status}.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('OPERATOR')")
    public Page<Provider> list(String search, Pageable page) {
        return new PageImpl<>(providers.page(search, page.getSort(), (int) page.getOffset(), page.getPageSize()),
                page, providers.count(search));
    }

    /** The MSP, if the caller may see it: operators see every MSP, administrators only their own. */
    @Transactional(readOnly = true)
    public Provider get(UUID id) {
        return visible(id).orElseThrow(() -> new NotFound("MSP"));
    }

    /** For sign-in checks, which run before anyone is signed in. */
    @Transactional(readOnly = true)
    public Optional<Provider> find(UUID id) {
        return providers.find(id);
    }

    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public void suspend(UUID id) {
        changeStatus(id, ProviderStatus.SUSPENDED);
    }

    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public void reinstate(UUID id) {
        changeStatus(id, ProviderStatus.ACTIVE);
    }

    @Transactional
    @PreAuthorize("hasRole('MSP_ADMINISTRATOR')")
    public void requireAuthenticator(boolean required) {
        UUID own = ProviderScope.current().providerId().orElseThrow(() -> new NotFound("MSP"));
        Provider provider = get(own);
        if (provider.authenticatorRequired() != required) {
            providers.setAuthenticatorRequired(own, required);
            events.publishEvent(new AuthenticatorPolicyChanged(own, required));
        }
    }

    private void changeStatus(UUID id, ProviderStatus status) {
        Provider provider = get(id);
        if (provider.status() != status) {
            providers.setStatus(id, status);
            events.publishEvent(new ProviderStatusChanged(id, provider.name(), status));
        }
    }

    /** The command's own rules, checked here too so that no caller can skip them. */
    private void refuseInvalid(OnboardProvider command) {
        validator.validate(command).stream()
                .min(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .ifPresent(violation -> {
                    throw OnboardProvider.rejection(violation);
                });
    }

    private static RejectedInput nameTaken() {
        return new RejectedInput("name", "An MSP with this name already exists");
    }

    private Optional<Provider> visible(UUID id) {
        return ProviderScope.current().includes(id) ? providers.find(id) : Optional.empty();
    }
}
