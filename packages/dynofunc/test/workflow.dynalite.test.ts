import { Dynalite } from "@dynofunc/testing"
import { workflowSuite } from "./support/workflow.js"

workflowSuite("dynalite", Dynalite.layer())
