import { Field, InputType, Int } from "type-graphql";
import { DateTimeScalar } from "../shared/scalars.js";

@InputType("EventFilter", { description: "Narrows the events list; all given conditions must hold." })
export class EventFilter {
  @Field(() => Int, { nullable: true, description: "Only events of this IDoR edition (year)." })
  year?: number | null;

  @Field(() => String, { nullable: true, description: "Only events in this country (ISO 3166-1 alpha-2)." })
  countryCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: "true: only events people can join online; false: only on-site events." })
  online?: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Only events that have not ended before this instant." })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Only events that start before this instant." })
  to?: Date | null;
}
