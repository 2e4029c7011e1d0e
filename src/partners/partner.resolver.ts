import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import type { EditionRow } from "../db/schema.js";
import { Edition } from "../editions/edition.type.js";
import { Society } from "../societies/society.type.js";
import type { PartnerRow } from "./partner.service.js";

@ObjectType("EditionPartner", { description: "A society an edition's sources name as its partner, with the source that says so." })
export class EditionPartner {
  @Field(() => Society, { description: "The society." })
  society!: unknown;

  @Field(() => String, { description: "Its role, as the source puts it (e.g. UMBRELLA_PARTNER)." })
  role!: string;

  @Field(() => String, { description: "Where it is published." })
  source!: string;
}

@Resolver(() => EditionPartner)
export class EditionPartnerResolver {
  @FieldResolver(() => Society, { description: "The society." })
  society(@Root() partner: PartnerRow, @Ctx() ctx: Context) {
    return ctx.loaders.societyById.load(partner.societyId);
  }
}

@Resolver(() => Edition)
export class EditionPartnersResolver {
  @FieldResolver(() => [EditionPartner], { description: "Societies the edition's sources name as its partners (not every society that took part)." })
  partners(@Root() edition: EditionRow, @Ctx() ctx: Context) {
    return ctx.loaders.partnersByEditionId.load(edition.id);
  }
}
