package fr.ameli.compte.application;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current request comes from (the client's address, as the web layer determined it),
 * for the per-address cap and the audit trail. Empty in timers.
 */
@RequestScoped
public class ClientOrigin {

    private String address;

    public String address() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
