import { Dynalite } from "@dynofunc/testing"
import { differentialSuite } from "./differential.js"

differentialSuite("dynalite", Dynalite.make())
