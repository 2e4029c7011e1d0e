import { Field, Int, ObjectType } from "type-graphql";
import { Node } from "../shared/node.type.js";
import { ProfessionEnum, SocietyKindEnum } from "../shared/graphql-enums.js";
import type { Profession, SocietyKind } from "../db/enums.js";
import { connectionType } from "../shared/connection.type.js";

@ObjectType("Society", {
  implements: Node,
  description: "A radiology or radiography society that supports IDoR: a founding partner, an international body or a national society.",
})
export class Society extends Node {
  @Field(() => String, { description: "Unique, stable, URL-safe handle: lower-case letters, digits and hyphens (e.g. `esr`)." })
  slug!: string;

  @Field(() => String, { description: "Short name, e.g. ESR." })
  acronym!: string;

  @Field(() => String, { description: "Full name in the society's own language." })
  name!: string;

  @Field(() => SocietyKindEnum, { description: "What kind of organisation it is." })
  kind!: SocietyKind;

  @Field(() => ProfessionEnum, { description: "The profession it represents." })
  profession!: Profession;

  @Field(() => String, {
    nullable: true,
    description: "ISO 3166-1 alpha-2 code of its country; null for international bodies.",
  })
  countryCode!: string | null;

  @Field(() => String, { nullable: true, description: "Its website (http or https URL); null where unknown." })
  website!: string | null;

  @Field(() => Int, { nullable: true, description: "Year it was founded; null where unknown." })
  foundedYear!: number | null;

  @Field(() => String, { nullable: true, description: "A remark on the record, e.g. a bi-national society." })
  note!: string | null;

  @Field(() => String, { nullable: true, description: "Where the society's facts come from; null where not recorded." })
  source!: string | null;
}

export const SocietyConnection = connectionType("Society", Society, "society");
export type SocietyConnection = InstanceType<typeof SocietyConnection>;
