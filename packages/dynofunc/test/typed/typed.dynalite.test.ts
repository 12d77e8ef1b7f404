import { Dynalite } from "@dynofunc/testing"
import { typedSuite } from "./engineSuite.js"

typedSuite("dynalite", Dynalite.layer(), { transactions: false })
