package no.siva.programflyt.targetcompany.eligibility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who owns whom around a target company, and the SME thresholds computed over it as the programme guide §14.1.2–
 * 14.1.5 says (GBER annex I art. 3 and 6):
 * <ul>
 *   <li>relation by the larger of capital and voting share, either direction: more than 50 % linked, 25–50 % partner;</li>
 *   <li>linked enterprises count in full along any unbroken chain of linked enterprises;</li>
 *   <li>the target's own partners count at their share, together with the enterprises linked to them;</li>
 *   <li>partners of the target's linked enterprises count at their share, but not their own linked enterprises;</li>
 *   <li>partners of partners never count;</li>
 *   <li>the listed investor types holding 25–50 % do not make a partner;</li>
 *   <li>owners below 25 % each that are linked to one another are one group: if together they hold 25 % or more, the
 *       target is not independent and each of them counts in full (the guide's example in §14.1.5).</li>
 * </ul>
 * Cycles in the graph are allowed; every walk keeps a visited set.
 */
public final class OwnershipGraph {

    /** What kind of owner an enterprise is, for the investor exceptions and public ownership. */
    public enum Kind {
        ENTERPRISE, PUBLIC_BODY, AUTONOMOUS_LOCAL_AUTHORITY, PUBLIC_INVESTMENT_OR_VENTURE, BUSINESS_ANGEL, UNIVERSITY_OR_RESEARCH_CENTRE, INSTITUTIONAL_INVESTOR
    }

    public enum Category {
        INDEPENDENT, PARTNER, LINKED
    }

    /**
     * @param investedEur        for business angels: their financial participation in the target (exception up to EUR 1.25 m)
     * @param annualBudgetEur    for local authorities: their annual budget (exception below EUR 10 m)
     * @param inhabitants        for local authorities: inhabitants (exception below 5 000)
     */
    public record Enterprise(String id, String name, Figures figures, Kind kind, BigDecimal investedEur,
                             BigDecimal annualBudgetEur, Integer inhabitants) {
        public Enterprise {
            Objects.requireNonNull(id);
            figures = figures == null ? Figures.ZERO : figures;
            kind = kind == null ? Kind.ENTERPRISE : kind;
        }

        public static Enterprise of(String id, Figures figures) {
            return new Enterprise(id, id, figures, Kind.ENTERPRISE, null, null, null);
        }

        public static Enterprise ofKind(String id, Kind kind) {
            return new Enterprise(id, id, Figures.ZERO, kind, null, null, null);
        }

        /** A public investment company, venture company, angel, university, institutional investor or small authority. */
        boolean isExceptedInvestor() {
            return switch (kind) {
                case PUBLIC_INVESTMENT_OR_VENTURE, UNIVERSITY_OR_RESEARCH_CENTRE, INSTITUTIONAL_INVESTOR -> true;
                case BUSINESS_ANGEL -> investedEur == null || investedEur.compareTo(new BigDecimal("1250000")) <= 0;
                case AUTONOMOUS_LOCAL_AUTHORITY -> isSmallAuthority();
                default -> false;
            };
        }

        boolean isSmallAuthority() {
            return annualBudgetEur != null && annualBudgetEur.compareTo(new BigDecimal("10000000")) < 0
                    && inhabitants != null && inhabitants < 5000;
        }

        boolean isPublic() {
            return kind == Kind.PUBLIC_BODY || kind == Kind.AUTONOMOUS_LOCAL_AUTHORITY;
        }
    }

    /** {@code owner} holds these percentages (0–100) of {@code owned}. */
    public record Holding(String owner, String owned, BigDecimal capitalPercent, BigDecimal votePercent) {
        public Holding {
            for (BigDecimal p : List.of(capitalPercent, votePercent)) {
                if (p.signum() < 0 || p.compareTo(new BigDecimal("100")) > 0) {
                    throw new IllegalArgumentException("a share is between 0 and 100 %");
                }
            }
        }

        public static Holding of(String owner, String owned, String percent) {
            return new Holding(owner, owned, new BigDecimal(percent), new BigDecimal(percent));
        }

        /** The larger of capital and votes (§14.1.2). */
        public BigDecimal percent() {
            return capitalPercent.max(votePercent);
        }
    }

    /** One term of the calculation, for showing the case handler how the total came about. */
    public record Term(String enterpriseId, BigDecimal share, Figures figures, String reason) {}

    public record Aggregation(Category category, Figures total, List<Term> terms) {}

    private static final BigDecimal FIFTY = new BigDecimal("50");
    private static final BigDecimal TWENTY_FIVE = new BigDecimal("25");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final Map<String, Enterprise> enterprises = new LinkedHashMap<>();
    private final List<Holding> holdings = new ArrayList<>();

    public OwnershipGraph(Collection<Enterprise> enterprises, Collection<Holding> holdings) {
        enterprises.forEach(e -> {
            if (this.enterprises.putIfAbsent(e.id(), e) != null) {
                throw new IllegalArgumentException("enterprise " + e.id() + " twice");
            }
        });
        for (Holding h : holdings) {
            if (!this.enterprises.containsKey(h.owner()) || !this.enterprises.containsKey(h.owned())) {
                throw new IllegalArgumentException("holding between unknown enterprises " + h.owner() + " -> " + h.owned());
            }
            if (h.owner().equals(h.owned())) {
                throw new IllegalArgumentException("an enterprise cannot own itself");
            }
            this.holdings.add(h);
        }
    }

    public Enterprise enterprise(String id) {
        return enterprises.get(id);
    }

    /** The largest share between two enterprises, either direction, in percent (0 when unrelated). */
    BigDecimal share(String a, String b) {
        BigDecimal s = BigDecimal.ZERO;
        for (Holding h : holdings) {
            if ((h.owner().equals(a) && h.owned().equals(b)) || (h.owner().equals(b) && h.owned().equals(a))) {
                s = s.max(h.percent());
            }
        }
        return s;
    }

    private boolean linked(String a, String b) {
        return share(a, b).compareTo(FIFTY) > 0;
    }

    /** 25–50 %, unless the holder in the relation is an excepted investor. */
    private boolean partner(String a, String b) {
        BigDecimal s = share(a, b);
        if (s.compareTo(TWENTY_FIVE) < 0 || s.compareTo(FIFTY) > 0) {
            return false;
        }
        for (Holding h : holdings) {
            boolean between = (h.owner().equals(a) && h.owned().equals(b)) || (h.owner().equals(b) && h.owned().equals(a));
            if (between && h.percent().compareTo(s) == 0 && enterprises.get(h.owner()).isExceptedInvestor()) {
                return false;
            }
        }
        return true;
    }

    private Set<String> neighbours(String id) {
        Set<String> n = new LinkedHashSet<>();
        for (Holding h : holdings) {
            if (h.owner().equals(id)) {
                n.add(h.owned());
            } else if (h.owned().equals(id)) {
                n.add(h.owner());
            }
        }
        return n;
    }

    /** Every enterprise reachable from {@code start} through linked relations, {@code start} included. */
    Set<String> linkedClosure(String start) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String x = todo.pop();
            if (seen.add(x)) {
                neighbours(x).stream().filter(y -> linked(x, y) && !seen.contains(y)).forEach(todo::push);
            }
        }
        return seen;
    }

    /**
     * The enterprises linked to {@code target} (more than 50 %, along the graph, either direction), not the target
     * itself and not its partners: with it they are one undertaking and share one aid cap (§6.2 «konsernnivå»).
     */
    public Set<String> linkedTo(String target) {
        Set<String> linked = new LinkedHashSet<>(linkedClosure(target));
        linked.remove(target);
        return linked;
    }

    /** The thresholds' figures for the target company {@code target}. */
    public Aggregation aggregate(String target) {
        if (!enterprises.containsKey(target)) {
            throw new IllegalArgumentException("unknown target " + target);
        }
        List<Term> terms = new ArrayList<>();
        Set<String> linkedSet = new LinkedHashSet<>(linkedClosure(target));
        boolean smallOwnersLinked = false;

        // owners below 25 % each that form a linked group holding 25 % or more together
        List<String> smallOwners = holdings.stream().filter(h -> h.owned().equals(target))
                .filter(h -> h.percent().compareTo(TWENTY_FIVE) < 0).map(Holding::owner)
                .filter(o -> !linkedSet.contains(o)).distinct().toList();
        Set<String> grouped = new HashSet<>();
        for (String owner : smallOwners) {
            if (grouped.contains(owner)) {
                continue;
            }
            Set<String> group = linkedClosure(owner);
            grouped.addAll(group);
            BigDecimal together = group.stream().map(g -> share(g, target)).reduce(BigDecimal.ZERO, BigDecimal::add);
            long owningMembers = group.stream().filter(smallOwners::contains).count();
            if (owningMembers > 1 && together.compareTo(TWENTY_FIVE) >= 0) {
                linkedSet.addAll(group);
                smallOwnersLinked = true;
            }
        }

        for (String x : linkedSet) {
            terms.add(new Term(x, BigDecimal.ONE, enterprises.get(x).figures(),
                    x.equals(target) ? "target" : "linked"));
        }
        Set<String> counted = new HashSet<>(linkedSet);
        // the target's own partners, with the enterprises linked to them
        for (String p : neighbours(target)) {
            if (!counted.contains(p) && partner(target, p)) {
                BigDecimal s = share(target, p).divide(HUNDRED, 6, RoundingMode.UNNECESSARY);
                counted.add(p);
                terms.add(new Term(p, s, enterprises.get(p).figures(), "partner"));
                for (String y : linkedClosure(p)) {
                    if (!counted.contains(y)) {
                        counted.add(y);
                        terms.add(new Term(y, s, enterprises.get(y).figures(), "linked to partner " + p));
                    }
                }
            }
        }
        // partners of the linked enterprises, at their share only
        for (String x : linkedSet) {
            if (x.equals(target)) {
                continue;
            }
            for (String p : neighbours(x)) {
                if (!counted.contains(p) && partner(x, p)) {
                    counted.add(p);
                    BigDecimal s = share(x, p).divide(HUNDRED, 6, RoundingMode.UNNECESSARY);
                    terms.add(new Term(p, s, enterprises.get(p).figures(), "partner of linked " + x));
                }
            }
        }

        Figures total = Figures.ZERO;
        for (Term t : terms) {
            total = total.plus(t.figures().times(t.share()));
        }
        Category category = linkedSet.size() > 1 || smallOwnersLinked ? Category.LINKED
                : terms.size() > 1 ? Category.PARTNER : Category.INDEPENDENT;
        return new Aggregation(category, total, List.copyOf(terms));
    }

    /**
     * The share of {@code target} held by public bodies, alone or jointly, directly or through enterprises they
     * control (§14.2). A small autonomous local authority's holding of 50 % or less does not count (§14.1.5).
     */
    public BigDecimal publicPercent(String target) {
        return publicPercent(target, new HashSet<>());
    }

    private BigDecimal publicPercent(String target, Set<String> visiting) {
        if (!visiting.add(target)) {
            return BigDecimal.ZERO;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Holding h : holdings) {
            if (!h.owned().equals(target)) {
                continue;
            }
            Enterprise owner = enterprises.get(h.owner());
            boolean counts;
            if (owner.isPublic()) {
                counts = !(owner.isSmallAuthority() && h.percent().compareTo(FIFTY) <= 0);
            } else {
                counts = publicPercent(owner.id(), visiting).compareTo(FIFTY) > 0;   // controlled by public bodies
            }
            if (counts) {
                sum = sum.add(h.percent());
            }
        }
        visiting.remove(target);
        return sum.min(HUNDRED);
    }
}
