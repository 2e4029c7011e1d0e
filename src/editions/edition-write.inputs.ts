// The inputs of the edition mutations (staff only).
import { Field, InputType, Int } from "type-graphql";
import { LIMITS, shown } from "../shared/limits.js";

const L = LIMITS.edition;

@InputType("CreateEditionInput", { description: "A new IDoR edition (8 November of its year)." })
export class CreateEditionInput {
  @Field(() => Int, { description: `The year (${L.firstYear} to ${L.lastYear}).` })
  year!: number;
  @Field(() => String, { nullable: true, description: `Its theme, when known (at most ${shown(L.theme)} characters).` })
  theme?: string | null;
  @Field(() => String, { nullable: true, description: "Where the theme is published." })
  themeSource?: string | null;
}

@InputType("UpdateEditionInput", { description: "Changes to an edition; omitted fields stay, null clears." })
export class UpdateEditionInput {
  @Field(() => Int, { description: "The edition's year." })
  year!: number;
  @Field(() => String, { nullable: true, description: "New theme; null: unknown." })
  theme?: string | null;
  @Field(() => String, { nullable: true, description: "New source of the theme; null clears it." })
  themeSource?: string | null;
}
