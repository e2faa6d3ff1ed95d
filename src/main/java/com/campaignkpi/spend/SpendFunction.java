package com.campaignkpi.spend;

import com.campaignkpi.api.RequestException;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The {@code spend} function: imports an ad-platform report given inside a JSON request. */
public class SpendFunction {

    @Inject
    SpendImportService importer;

    @Funq("spend")
    public SpendImportResult importReport(SpendRequest request) {
        if (request == null) {
            throw RequestException.invalid("$", "Request body is missing; send measurementId, apiSecret and content");
        }
        byte[] content;
        if (request.content() != null) {
            content = request.content().getBytes(StandardCharsets.UTF_8);
        } else if (request.contentBase64() != null) {
            try {
                content = Base64.getDecoder().decode(request.contentBase64());
            } catch (IllegalArgumentException e) {
                throw RequestException.invalid("contentBase64", "contentBase64 is not base64: " + e.getMessage());
            }
        } else {
            throw RequestException.invalid("content", "content is missing: pass the report as text in content, or "
                    + "its bytes in contentBase64");
        }
        return importer.importReport(request.measurementId(), request.apiSecret(), request.format(), request.from(),
                request.to(), content);
    }
}
