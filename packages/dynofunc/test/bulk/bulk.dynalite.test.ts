import { Dynalite } from "@dynofunc/testing"
import { bulkSuite } from "../support/bulk.js"

bulkSuite("dynalite", Dynalite.layer())
