import { Field, Int, ObjectType } from "type-graphql";
import { Node } from "../shared/node.type.js";
import { LocalDateScalar } from "../shared/scalars.js";

@ObjectType("Edition", {
  implements: Node,
  description: "One International Day of Radiology, held every 8 November since 2012, with its theme.",
})
export class Edition extends Node {
  @Field(() => Int, { description: "The year of the edition (unique), e.g. 2020." })
  year!: number;

  @Field(() => LocalDateScalar, { description: "The day itself: 8 November of that year." })
  date!: string;

  @Field(() => String, { nullable: true, description: "The edition's theme; null where it is not known." })
  theme!: string | null;

  @Field(() => String, { nullable: true, description: "Where the theme is published." })
  themeSource!: string | null;
}
