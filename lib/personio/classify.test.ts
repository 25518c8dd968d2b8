import { describe, expect, it } from "vitest";

import { fieldFromPersonioError, parseRetryAfter, personioErrorFromResponse, readPersonioErrorBody } from "./classify";

// Bodies and statuses the notes report from the real API or mark as unverified alternatives.
const classify = (
  status: number,
  body: unknown,
  kind: "auth" | "read" | "write" = "read",
  retryAfter: string | null = null,
) => personioErrorFromResponse({ status, body, kind, retryAfter });

describe("classifying Personio's answers", () => {
  it("reads wrong credentials on auth as invalid_credentials whether 400, 401 or 403, with code 0", () => {
    for (const status of [400, 401, 403]) {
      expect(classify(status, { success: false, error: { code: 0, message: "Wrong credentials" } }, "auth").code).toBe(
        "invalid_credentials",
      );
    }
    // An OAuth2-style body (v2) and an empty body fall back to the same code.
    expect(
      classify(400, { error: "invalid_client", error_description: "Client authentication failed" }, "auth").code,
    ).toBe("invalid_credentials");
    expect(classify(401, null, "auth").code).toBe("invalid_credentials");
  });

  it("uses the message only as a hint for disabled credentials, in English or German", () => {
    expect(
      classify(403, { success: false, error: { code: 0, message: "The API credentials are disabled." } }, "auth").code,
    ).toBe("credentials_disabled");
    expect(
      classify(401, { success: false, error: { code: 0, message: "Zugangsdaten wurden deaktiviert" } }, "auth").code,
    ).toBe("credentials_disabled");
  });

  it("tells a missing permission from an invalid token on data calls", () => {
    const forbidden = {
      success: false,
      error: { code: 0, message: "personio.core.api.exceptions.api.forbidden.http.exception" },
    };
    expect(classify(403, forbidden).code).toBe("missing_permission");
    expect(
      classify(403, {
        errors: [{ title: "Insufficient access scope", detail: "Client scope insufficient to access resource" }],
      }).code,
    ).toBe("missing_permission");
    expect(
      classify(403, { success: false, error: { code: 403, message: "Provided authorization is not valid" } }).code,
    ).toBe("invalid_credentials");
    expect(classify(401, { success: false, error: { code: 401, message: "Authorization is not provided" } }).code).toBe(
      "invalid_credentials",
    );
    expect(classify(403, { success: false, error: { code: 0, message: "Etwas ist schiefgelaufen" } }).code).toBe(
      "missing_permission",
    );
  });

  it("maps statuses to codes when the message says nothing useful", () => {
    expect(
      classify(404, { success: false, error: { code: 404, message: "Es ist ein Problem aufgetreten " } }).code,
    ).toBe("not_found");
    expect(classify(409, { success: false, error: { code: 0, message: "Konflikt" } }, "write").code).toBe(
      "email_taken",
    );
    expect(classify(422, { success: false, error: { code: 0, message: "Ungültige Daten" } }, "write").code).toBe(
      "validation_error",
    );
    expect(classify(500, "<html>oops</html>", "read").code).toBe("unavailable");
    expect(classify(418, {}, "read").code).toBe("unexpected");
  });

  it("recognises 'email taken' in several wordings but never invents it", () => {
    for (const message of [
      "The email has already been taken.",
      "E-Mail ist bereits vergeben",
      "Email already exists",
      "Duplicate email",
    ]) {
      expect(classify(422, { success: false, error: { code: 422, message } }, "write").code).toBe("email_taken");
    }
  });

  it("treats a 200 with success:false as the error its code names", () => {
    expect(
      classify(200, { success: false, error: { code: 422, message: "Supervisor with ID 1 not found" } }, "write"),
    ).toMatchObject({
      code: "validation_error",
      field: "supervisor_id",
      status: 422,
    });
  });

  it("marks gateway errors after a write as outcome unknown, but not a 503 or a read", () => {
    expect(classify(502, null, "write").outcomeUnknown).toBe(true);
    expect(classify(503, null, "write").outcomeUnknown).toBe(false);
    expect(classify(502, null, "read").outcomeUnknown).toBe(false);
  });

  it("reads Retry-After as seconds or as an HTTP date, and tolerates its absence", () => {
    expect(classify(429, {}, "read", "7")).toMatchObject({ code: "rate_limited", retryAfterSeconds: 7 });
    expect(classify(429, {}, "read").retryAfterSeconds).toBeUndefined();
    expect(parseRetryAfter(new Date(1_000_000 + 30_000).toUTCString(), 1_000_000)).toBe(30);
    expect(parseRetryAfter("soon")).toBeUndefined();
  });

  it("finds the field from error_data, v2 errors or the message", () => {
    expect(
      fieldFromPersonioError(
        readPersonioErrorBody({ error: { message: "x", error_data: { "employee.hire_date": ["bad"] } } }),
      ),
    ).toBe("hire_date");
    expect(fieldFromPersonioError(readPersonioErrorBody({ errors: [{ field: "first_name", errors: [] }] }))).toBe(
      "first_name",
    );
    expect(
      fieldFromPersonioError(readPersonioErrorBody({ error: { message: "The last name field is required." } })),
    ).toBe("last_name");
    expect(
      fieldFromPersonioError(readPersonioErrorBody({ error: { message: "Something went wrong" } })),
    ).toBeUndefined();
  });
});
