package fr.ameli.compte.infrastructure.register;

import fr.ameli.compte.application.agent.RegisterLoad;
import fr.ameli.compte.application.agent.AgentDesk;
import fr.ameli.compte.application.agent.RegisterLoader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.Reader;

/** A register extract a superviseur uploads (PRODUCT §2.12), loaded by the start-up's loader: same idempotence, same report. */
@ApplicationScoped
public class RegisterUpload implements RegisterLoader {

    @Inject
    RegisterImport registerImport;

    @Override
    public RegisterLoad load(String source, Reader csv, fr.ameli.compte.domain.agent.Agent uploadedBy) {
        RegisterImportReport report = registerImport.load(source, csv, uploadedBy);
        return new RegisterLoad(report.source(), report.inserted(), report.updated(),
                report.rejected().stream().map(row -> new RegisterLoad.Rejected(row.lineNumber(), row.reason())).toList(),
                report.took().toMillis(), report.unchanged());
    }
}
