package org.mspportal.customers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.mspportal.plans.Edition;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Customers list's search, filters and order as the query string carries them, so a filtered
 * list can be bookmarked and shared and the back button returns to it. The query string is typed
 * and edited by people: a value that makes no sense (a plan id that is not one, "-5 days") is
 * dropped with a note saying so, rather than failing the page.
 *
 * @param ignored what was dropped, one sentence each, for the page to show
 */
record CustomerFilters(String q, UUID plan, Edition edition, TenantType type, String region, CustomerStatus status,
        Integer expiring, Order order, int page, List<String> ignored) {

    /** The list's orders as they appear in links: short, lower-case words. */
    enum Order {
        NAME("name", "Name A–Z", CustomerQuery.Sort.NAME),
        NAME_DESCENDING("name-desc", "Name Z–A", CustomerQuery.Sort.NAME_DESCENDING),
        LICENCE_EXPIRY("licence", "Licence expiry, soonest first", CustomerQuery.Sort.LICENCE_EXPIRY),
        NEWEST("newest", "Newest first", CustomerQuery.Sort.NEWEST);

        private final String slug;
        private final String label;
        private final CustomerQuery.Sort sort;

        Order(String slug, String label, CustomerQuery.Sort sort) {
            this.slug = slug;
            this.label = label;
            this.sort = sort;
        }

        public String slug() {
            return slug;
        }

        public String label() {
            return label;
        }

        static Optional<Order> of(String slug) {
            return Arrays.stream(values()).filter(order -> order.slug.equals(slug)).findFirst();
        }
    }

    /** The "licence expiring within" choices offered; any other whole number in a link works too. */
    static final List<Integer> EXPIRY_CHOICES = List.of(7, 30, 90);

    /** The longest "expiring within" a link may ask for: ten years, far beyond any licence term. */
    private static final int MOST_DAYS = 3660;

    /**
     * The filters in {@code parameters} (the request's first value of each), checked against the
     * MSP's storage regions; the plan id only has to be an id, since the search is scoped to the MSP anyway.
     */
    static CustomerFilters from(Map<String, String> parameters, Collection<String> regionIds) {
        List<String> ignored = new ArrayList<>();
        String text = Optional.ofNullable(parameters.get("q")).map(String::strip).filter(q -> !q.isEmpty())
                .orElse(null);
        UUID plan = parsed(parameters.get("plan"), UUID::fromString, "plan", ignored);
        Edition edition = parsed(parameters.get("edition"), name -> Edition.valueOf(name.toUpperCase(Locale.ROOT)),
                "edition", ignored);
        TenantType type = parsed(parameters.get("type"), name -> TenantType.valueOf(name.toUpperCase(Locale.ROOT)),
                "tenant type", ignored);
        CustomerStatus status = parsed(parameters.get("status"),
                name -> CustomerStatus.valueOf(name.toUpperCase(Locale.ROOT)), "status", ignored);
        String region = parsed(parameters.get("region"), id -> {
            if (!regionIds.contains(id)) {
                throw new IllegalArgumentException(id);
            }
            return id;
        }, "storage region", ignored);
        Integer expiring = parsed(parameters.get("expiring"), CustomerFilters::days, "licence expiry", ignored);
        Order order = parsed(parameters.get("sort"), slug -> Order.of(slug).orElseThrow(), "order", ignored);
        int page = Optional.ofNullable(parsed(parameters.get("page"), Integer::parseInt, "page", ignored))
                .filter(number -> number >= 0).orElse(0);
        return new CustomerFilters(text, plan, edition, type, region, status, expiring,
                order == null ? Order.NAME : order, page, List.copyOf(ignored));
    }

    CustomerQuery query() {
        return new CustomerQuery(q, plan, edition, type, region, status, expiring, order.sort);
    }

    /** Whether anything narrows the list (the order and page do not). */
    public boolean narrowed() {
        return q != null || plan != null || edition != null || type != null || region != null || status != null
                || expiring != null;
    }

    /** The "expiring within" choices, with the one in the link if it is not among them. */
    public List<Integer> expiryChoices() {
        if (expiring == null || EXPIRY_CHOICES.contains(expiring)) {
            return EXPIRY_CHOICES;
        }
        List<Integer> choices = new ArrayList<>(EXPIRY_CHOICES);
        choices.add(expiring);
        choices.sort(Integer::compare);
        return choices;
    }

    /** This list in another order, from its first page. */
    public String sortedBy(Order newOrder) {
        return link(newOrder);
    }

    /** Clicking a column heading: by that column, or the other way round when it already is (names only). */
    public String headingLink(String column) {
        if ("name".equals(column)) {
            return link(order == Order.NAME ? Order.NAME_DESCENDING : Order.NAME);
        }
        return link(Order.LICENCE_EXPIRY);
    }

    /** aria-sort for a column heading: how the list is ordered by it, if it is. */
    public String ariaSort(String column) {
        if ("name".equals(column) && (order == Order.NAME || order == Order.NAME_DESCENDING)) {
            return order == Order.NAME ? "ascending" : "descending";
        }
        if ("licence".equals(column) && order == Order.LICENCE_EXPIRY) {
            return "ascending";
        }
        return null;
    }

    private String link(Order newOrder) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/customers");
        addIfPresent(link, "q", q);
        addIfPresent(link, "plan", plan);
        addIfPresent(link, "edition", edition == null ? null : edition.name());
        addIfPresent(link, "type", type == null ? null : type.name());
        addIfPresent(link, "region", region);
        addIfPresent(link, "status", status == null ? null : status.name());
        addIfPresent(link, "expiring", expiring);
        if (newOrder != Order.NAME) {
            link.queryParam("sort", newOrder.slug);
        }
        return link.encode().build().toUriString();
    }

    private static void addIfPresent(UriComponentsBuilder link, String name, Object value) {
        if (value != null) {
            link.queryParam(name, value);
        }
    }

    private static int days(String text) {
        int days = Integer.parseInt(text);
        if (days < 0 || days > MOST_DAYS) {
            throw new IllegalArgumentException(text);
        }
        return days;
    }

    /** The value, or null when it is absent (an "Any" choice sends an empty one) or makes no sense. */
    private static <T> T parsed(String raw, Function<String, T> parse, String what, List<String> ignored) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return parse.apply(raw.strip());
        } catch (RuntimeException nonsense) {
            ignored.add("The " + what + " in the address was not understood and has been ignored.");
            return null;
        }
    }
}
