import { Dynalite } from "@dynofunc/testing"
import { streamsSuite } from "./support/streams.js"

streamsSuite("dynalite", Dynalite.layer())
