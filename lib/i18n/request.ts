import { getRequestConfig } from "next-intl/server";

import { englishMessages } from "@/lib/i18n/messages";

// English only for now; German arrives with its own issue (a locale cookie chooses then).
export default getRequestConfig(async () => ({
  locale: "en",
  timeZone: "Europe/Berlin",
  messages: englishMessages,
}));
