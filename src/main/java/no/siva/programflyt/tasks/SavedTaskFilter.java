package no.siva.programflyt.tasks;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** An inbox filter a user saved under a name. */
@Entity
class SavedTaskFilter {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String name;
    private String query;

    protected SavedTaskFilter() {}

    public SavedTaskFilter(String username, String name, String query) {
        this.username = username;
        this.name = name;
        this.query = query;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getName() {
        return name;
    }

    public String getQuery() {
        return query;
    }
}
