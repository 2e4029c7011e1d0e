import { Field, InputType } from "type-graphql";
import { SocietyKindEnum } from "../shared/graphql-enums.js";
import type { SocietyKind } from "../db/enums.js";

@InputType("SocietyFilter", { description: "Narrows the societies list; all given conditions must hold." })
export class SocietyFilter {
  @Field(() => SocietyKindEnum, { nullable: true, description: "Only societies of this kind." })
  kind?: SocietyKind | null;

  @Field(() => String, { nullable: true, description: "Only societies of this country (ISO 3166-1 alpha-2, e.g. DE)." })
  countryCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Case-insensitive text found in the name, acronym or slug (at most 100 characters).",
  })
  search?: string | null;
}
