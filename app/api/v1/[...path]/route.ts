import { problemResponse } from "@/lib/api/problem";

// Unknown paths under /api/v1 answer as the API does, not with the app's HTML 404 page.
function notFound() {
  return problemResponse("not_found", "There is no such operation; see /api/v1/openapi.json.");
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
