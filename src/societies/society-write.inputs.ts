// The inputs of the society mutations (staff only).
import { Field, ID, InputType, Int } from "type-graphql";
import type { Profession, SocietyKind } from "../db/enums.js";
import { ProfessionEnum, SocietyKindEnum } from "../shared/graphql-enums.js";
import { LIMITS, shown } from "../shared/limits.js";

const L = LIMITS.society;

@InputType("CreateSocietyInput", { description: "A new society." })
export class CreateSocietyInput {
  @Field(() => String, { description: `Unique handle: lower-case letters, digits and single hyphens, at most ${L.slug} characters.` })
  slug!: string;
  @Field(() => String, { description: `Short name (1 to ${L.acronym} characters).` })
  acronym!: string;
  @Field(() => String, { description: `Full name (1 to ${L.name} characters).` })
  name!: string;
  @Field(() => SocietyKindEnum, { description: "Kind of organisation." })
  kind!: SocietyKind;
  @Field(() => ProfessionEnum, { description: "Profession represented." })
  profession!: Profession;
  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 country code; null for international bodies." })
  countryCode?: string | null;
  @Field(() => String, { nullable: true, description: "Website (http or https URL)." })
  website?: string | null;
  @Field(() => Int, { nullable: true, description: `Year founded (${L.foundedFrom} to this year).` })
  foundedYear?: number | null;
  @Field(() => String, { nullable: true, description: `A remark (at most ${shown(L.note)} characters).` })
  note?: string | null;
}

@InputType("UpdateSocietyInput", { description: "Changes to a society; omitted fields stay, null clears an optional one." })
export class UpdateSocietyInput {
  @Field(() => ID, { description: "The society." })
  id!: string;
  @Field(() => String, { nullable: true, description: "New slug (links with the old one stop working)." })
  slug?: string | null;
  @Field(() => String, { nullable: true, description: "New acronym." })
  acronym?: string | null;
  @Field(() => String, { nullable: true, description: "New name." })
  name?: string | null;
  @Field(() => SocietyKindEnum, { nullable: true, description: "New kind." })
  kind?: SocietyKind | null;
  @Field(() => ProfessionEnum, { nullable: true, description: "New profession." })
  profession?: Profession | null;
  @Field(() => String, { nullable: true, description: "New country code; null clears it." })
  countryCode?: string | null;
  @Field(() => String, { nullable: true, description: "New website; null clears it." })
  website?: string | null;
  @Field(() => Int, { nullable: true, description: "New founding year; null clears it." })
  foundedYear?: number | null;
  @Field(() => String, { nullable: true, description: "New remark; null clears it." })
  note?: string | null;
}
