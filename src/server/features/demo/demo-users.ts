import type { Role } from "../../../domain/access/roles.ts";

/** The demo's shared password: shown on the sign-in page in demo mode only. */
export const demoPassword = "sector-demo-2026";

export type DemoUser = {
  role: Role;
  email: string;
  displayName: string;
  locale: "it" | "en";
  /** Territories for territorial roles; for linked roles the demo picks companies. */
  territoryCodes: string[];
  linkedTo?: "declining-prato-firms" | "one-prato-firm";
};

export const demoUsers: DemoUser[] = [
  {
    role: "administrator",
    email: "admin@demo.example",
    displayName: "Ada Amministratrice",
    locale: "it",
    territoryCodes: ["IT", "PT"],
  },
  {
    role: "analyst",
    email: "analyst.prato@demo.example",
    displayName: "Anna Analista (Prato)",
    locale: "it",
    territoryCodes: ["prato-tessile"],
  },
  {
    role: "analyst",
    email: "analyst.ave@demo.example",
    displayName: "Ana Analista (Ave)",
    locale: "en",
    territoryCodes: ["ave-texteis"],
  },
  {
    role: "committee_member",
    email: "committee@demo.example",
    displayName: "Carlo Comitato",
    locale: "it",
    territoryCodes: ["ITI", "ITC"],
  },
  {
    role: "expert",
    email: "expert@demo.example",
    displayName: "Elena Esperta",
    locale: "it",
    territoryCodes: [],
    linkedTo: "declining-prato-firms",
  },
  {
    role: "company_representative",
    email: "company@demo.example",
    displayName: "Riccardo Rappresentante",
    locale: "it",
    territoryCodes: [],
    linkedTo: "one-prato-firm",
  },
  {
    role: "worker_representative",
    email: "workers@demo.example",
    displayName: "Wanda Lavoratori",
    locale: "it",
    territoryCodes: [],
    linkedTo: "one-prato-firm",
  },
  {
    role: "trainer",
    email: "trainer@demo.example",
    displayName: "Tommaso Formatore",
    locale: "en",
    territoryCodes: ["IT"],
  },
];
