// What the society mutations answer.
import { Field, ObjectType } from "type-graphql";
import type { SocietyRow } from "../db/schema.js";
import { UserError } from "../shared/user-errors.js";
import { Society } from "./society.type.js";

@ObjectType("SocietyPayload", { description: "The result of a society mutation." })
export class SocietyPayload {
  @Field(() => Society, { nullable: true, description: "The society after the mutation; null when refused." })
  society!: SocietyRow | null;
  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}
