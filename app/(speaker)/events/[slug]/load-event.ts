import { cache } from "react";
import { db } from "@/lib/db";
import { getPublicEvent } from "@/lib/events/queries";

/** The public event by slug, fetched once per request (page + metadata). */
export const loadPublicEvent = cache((slug: string) => getPublicEvent(db, slug));
