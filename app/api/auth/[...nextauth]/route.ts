import { handlers } from "@/lib/sign-in/auth";
import { guardAuthRoute } from "@/lib/sign-in/route-guard";

export const GET = guardAuthRoute(handlers.GET);
export const POST = guardAuthRoute(handlers.POST);
