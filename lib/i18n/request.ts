import { getRequestConfig } from "next-intl/server";

// English only for now; German arrives with its own issue (a locale cookie chooses then).
export default getRequestConfig(async () => ({
  locale: "en",
  timeZone: "Europe/Berlin",
  messages: (await import("./messages/en.json")).default,
}));
