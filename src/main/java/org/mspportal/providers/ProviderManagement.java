package org.mspportal.providers;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.NotFound;
import org.mspportal.shared.ProviderScope;
import org.mspportal.shared.RejectedInput;
import org.springframework.context.ApplicationEventPublisher;
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
    private final Clock clock;

    ProviderManagement(Providers providers, ApplicationEventPublisher events, Clock clock) {
        this.providers = providers;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates the MSP and, through {@link ProviderOnboarded}, invites its first administrators.
     *
     * @throws RejectedInput when the name is taken or an administrator's email cannot be used
     */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public Provider onboard(OnboardProvider command) {
        if (providers.nameTaken(command.name())) {
            throw new RejectedInput("name", "An MSP with this name already exists");
        }
        var provider = new Provider(UUID.randomUUID(), command.name(), ProviderStatus.ACTIVE, false, clock.instant());
        providers.add(provider);
        events.publishEvent(new ProviderOnboarded(provider.id(), provider.name(), command.administratorEmails()));
        return provider;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('OPERATOR')")
    public Page<Provider> list(Pageable page) {
        return new PageImpl<>(providers.page((int) page.getOffset(), page.getPageSize()), page, providers.count());
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

    private Optional<Provider> visible(UUID id) {
        return ProviderScope.current().includes(id) ? providers.find(id) : Optional.empty();
    }
}
