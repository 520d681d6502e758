namespace Mash.Cli;

/// <summary>The help text; kept as one block so it reads like a man page and is easy to review.</summary>
internal static class Usage
{
    public const string Text = """
        mash: a command-line client for the Mash referral, assessment and strategy discussion
        services, through the gateway.

        Usage: dotnet run --project tools/Mash.Cli -- <command> [options]

        Referral commands:
          token        Print an access token for --client (only the token, for TOKEN=$(...)).
          submit       Submit a referral: --file referral.json (ReferralDetails JSON, proto field
                       names; see tools/Mash.Cli/Samples/referral.json) or, without --file, a
                       built-in invented sample. [--key K] makes retries safe; a new key is
                       generated and printed when none is given. [--received-at "YYYY-MM-DD
                       HH:MM"] (local time) when the contact came in earlier than now: every
                       clock counts from it. At a node that is not the area's MASH front door
                       the referral is kept as the referrer's copy and sent to the front door.
          get          Show a referral: --id REF (at the referring node, its copy with the
                       outcome the front door reported).
          list         The referrals this node holds, by due time, with the screening backlog:
                         [--status awaiting-screening|awaiting-decision|decided]...
                         [--rag red|amber|green|blue]... [--role front-door|referrer-copy]...
                         [--overdue] [--awaiting-outcome] (sent to a front door, no
                         outcome back although the decision was due)
                         [--page-size 1-200] [--page-token T] [--all]
                       --status, --rag and --role may be repeated or comma-separated.
          screen       Record the MASH RAG rating, at the area's front door: --id REF
                       --rag red|amber|green|blue --rationale TEXT.
          decide       Record the decision, at the area's front door: --id REF --rationale TEXT
                       --outcome nfa|early-help|child-in-need|strategy-discussion|immediate-protection
                       [--lateness-reason TEXT] (required when the decision is late). A strategy
                       discussion or immediate protection makes a discussion required; those
                       and child-in-need open the child's assessment; the referrer hears back.

        Assessment commands (role needed in brackets):
          assessments  Assessments by due time, with the open and overdue counts [Assessment.Read]:
                         [--status open|completed|closed]... [--overdue]
                         [--nhs N] [--given G] [--family F] [--dob YYYY-MM-DD] (one child's)
                         [--referral REF] (the one a referral's decision opened)
                         [--page-size 1-200] [--page-token T] [--all]
                       --status may be repeated or comma-separated.
          assessment   Show an assessment with its checks and outcome: --id ASM [Assessment.Read].
          check        Record a multi-agency check [Assessment.Assess]: --id ASM
                       --agency police|children-social-care|health|education|probation|other
                       --result TEXT (what the records returned; "nothing known" is a result)
                       [--found] (information was found).
          complete     Conclude an assessment [Assessment.Assess]: --id ASM
                       --risk low|medium|high|very-high --rag red|amber|green|blue
                       --rationale TEXT [--significant-harm] (reasonable cause to suspect
                       significant harm: a strategy discussion is required).
          screen-cse   Score CSE indicators into low, medium or high; stores nothing
                       [Assessment.Assess]: --indicator X [--indicator Y]... (or comma-
                       separated) [--nhs N] [--dob YYYY-MM-DD] (a child under 13 is never
                       low). Indicators:
                         missing-episodes, older-associates, unexplained-gifts-or-money,
                         substance-misuse, sexual-health-concerns,
                         online-contact-with-unknown-adults, school-absence, self-harm,
                         family-breakdown, looked-after, hotspot-locations, disclosure,
                         linked-to-known-perpetrator
          raise-flag   Raise a CSE flag on a child [Cse.Manage]: --nhs NHS [--given G]
                       [--family F] [--dob YYYY-MM-DD] --risk low|medium|high --reason TEXT
                       --evidence TEXT [--lawful-basis B] (recorded with the flag; the same
                       option as below) [--key K] (as for submit). Optionally the suspect
                       and the contact: [--suspect-age N] [--suspect-band under-18|aged-18-to-24|
                       ...|aged-55-and-over] [--suspect-relationship online-contact|stranger|
                       family-member|partner|peer|known-adult|other] [--offender OFFENDER_ID]
                       (links the child to that offender at this node) [--suspect-description
                       TEXT] (these two stay at this node) [--platform NAME] [--place TEXT].
          review-flag  Re-rate a CSE flag [Cse.Manage]: --id FLAG --risk low|medium|high
                       --reason TEXT --evidence TEXT, and the suspect and contact options of
                       raise-flag (given, they replace the flag's).
          clear-flag   Clear a CSE flag, keeping its history [Cse.Manage]: --id FLAG
                       --reason TEXT --evidence TEXT.
          profile      A child's risk: local CSE flags with their history, local risk level,
                       and what partner agencies' nodes shared [Assessment.Read]:
                       --nhs NHS [--given G] [--family F] [--dob YYYY-MM-DD].
          high-risk    Children at high risk, for the MASH daily meeting, with the reasons
                       [Assessment.Read]: [--page-size 1-200] [--page-token T] [--all]

        Strategy discussion commands (role needed in brackets):
          discussions  A child's strategy discussions, held here or shared by partner nodes, or
                       all of them, latest required first [Strategy.Read]:
                         [--nhs N] [--given G] [--family F] [--dob YYYY-MM-DD]
                         [--status required|scheduled|concluded]...
                         [--page-size 1-200] [--page-token T] [--all]
                       --status may be repeated or comma-separated.
          discussion   Show a discussion in full: participants, decisions, actions, minutes:
                       --id DSC [Strategy.Read].
          outstanding-discussions
                       Every required discussion not yet held, due first, with the child, the
                       reason, its due time and the totals (how many are overdue) [Strategy.Read]:
                         [--page-size 1-200] [--page-token T] [--all]
          overdue-discussions
                       Required discussions not held in time, oldest due first, with the child,
                       the reason and the total [Strategy.Read]:
                         [--page-size 1-200] [--page-token T] [--all]
          require-discussion
                       Require a discussion on a practitioner's judgement [Strategy.Manage]:
                       --nhs N [--given G] [--family F] [--dob YYYY-MM-DD] (without an NHS
                       number: the name and --dob) --reason TEXT [--follows DSC] (a follow-up
                       to a concluded discussion; the child may then be left out) [--key K]
                       (as for submit).
          schedule     Set when and how it is held, and who is invited [Strategy.Manage]:
                       --id DSC --at "YYYY-MM-DD HH:MM" --format meeting|call
                       [--invite AGENCY:NAME:ROLE[:APOLOGIES]]... Replaces the earlier
                       time, format and invitation list.
          attendance   Record who attended and who could not, and why [Strategy.Manage]:
                       --id DSC --present AGENCY:NAME:ROLE...
                       [--absent AGENCY:NAME:ROLE:REASON]... Replaces the participants
                       (invitations included): name everyone each time. Children's social
                       care, health and police must each attend or be excused with a reason
                       before the discussion can be concluded.
          conclude     Record the decisions and minutes; they are shared with every
                       participating agency's node [Strategy.Manage]: --id DSC
                       --information TEXT (what the agencies shared) [--s47] (a section 47
                       enquiry: the initial child protection conference is then due)
                       --investigation none|single-agency|joint [--abe] (ABE interview
                       planned) [--medical] (medical examination) [--conduct TEXT] (conduct
                       and timing of the investigation)
                       [--action AGENCY:YYYY-MM-DD HH:MM[:for=CHILD]:DESCRIPTION]...
                       [--legal-action TEXT] (legal action needed, and what)
                       --family-told TEXT (what the family is to be told)
                       --permission-sought | --permission-not-sought-reason TEXT (parental
                       permission for the checks)
                       --minutes TEXT | --minutes-file PATH (UTF-8 text)
                       [--document-ref REF] (the minutes' document elsewhere, e.g. a case
                       management system id) [--held-at "YYYY-MM-DD HH:MM"] (default now).
          complete-action
                       Mark a safeguarding action done [Strategy.Manage]: --id DSC
                       --action ACT (the act_... id that 'discussion' shows).
          overdue-actions
                       Safeguarding actions past due and initial child protection conferences
                       overdue, from discussions held here, oldest first [Strategy.Read]:
                         [--page-size 1-200] [--page-token T] [--all]
          help         This text (also -h or --help).

        Structured values (--invite, --present, --absent, --action) are fields separated by ':',
        the agency first; quote each one and repeat the option for each person or action. Only
        the free text at the end (APOLOGIES, REASON, DESCRIPTION) may itself contain ':'; no
        value is split on ','.
          AGENCY       police, children-social-care, health, education, probation or other.
          NAME:ROLE    e.g. "DS A. Example:detective sergeant", "J. Example:designated nurse".
          YYYY-MM-DD HH:MM
                       A local time, as the CLI shows them (--at, --held-at, and an action's
                       due time, which must be after the discussion was held).
          for=CHILD    An action for a child other than the one the discussion is about (a
                       sibling, another child in the household): for=GIVEN/FAMILY, or
                       for=GIVEN/FAMILY/YYYY-MM-DD with their date of birth.

        Options for every command:
          --gateway URL       gRPC address of the gateway (env MASH_GATEWAY;
                              default http://127.0.0.1:5100, cleartext HTTP/2; https:// for
                              TLS, e.g. a launcher started with --tls).
          --cacert FILE       A certificate (PEM) to trust for an https:// gateway besides the
                              machine's roots (env MASH_CACERT). Default: the certificate the
                              node.json of the node serving --gateway names (launcher --tls).
          --token-url URL     Token endpoint (default: gateway + /connect/token). On the
                              gateway's own http:// address it is called with HTTP/2 prior
                              knowledge; anything else with HTTP/1.1, e.g.
                              http://127.0.0.1:5101/connect/token.
          --client ID         Client id for the client-credentials grant.
          --secret S          Client secret. Else env MASH_CLIENT_SECRET, else the gateway's
                              development secrets file {data-dir}/gateway/dev-client-secrets.json.
          --data-dir DIR      The gateway's data directory (default: .mash in the repository
                              root). When it holds Mash.Node node folders instead
                              (.mash/local-police/, .mash/local-social-care/), the secret is
                              taken from the node whose gateway is --gateway: as its node.json
                              says, else local-police on port 5100 and local-social-care on 5200.
                              Give a node's folder (e.g. --data-dir .mash/local-social-care) or
                              --secret when that cannot be told.
          --scope S           Token scope (default: all the client's roles).
          --token T           Use this access token instead of fetching one.
          --purpose TEXT      Why the record is needed, sent as x-mash-purpose
                              (default "MASH screening"); kept in the audit trail.
          --lawful-basis B    Sent as x-mash-lawful-basis (default LAWFUL_BASIS_PUBLIC_TASK);
                              CONSENT, PUBLIC_TASK, RECOGNISED_LEGITIMATE_INTEREST,
                              SAFEGUARDING_OF_CHILDREN or LAW_ENFORCEMENT, with or without the
                              LAWFUL_BASIS_ prefix.
          --json              Print responses as protobuf JSON (proto field names).
        Every call has a 30-second deadline. Times are shown in the local time zone.

        Development clients (secrets generated by each node's gateway on first run):
          police-mash, social-care-mash   Referral.Submit, .Read, .Screen, .Decide;
                                          Assessment.Read, Assessment.Assess, Cse.Manage;
                                          Strategy.Read, Strategy.Manage
          health-mash, probation-mash     Referral.Submit, Referral.Read; Assessment.Read;
                                          Strategy.Read
          education-mash                  Referral.Submit
          ops-admin                       Events.Admin (dead letters; no command here)
          no-roles-client                 none (authenticates; expect PERMISSION_DENIED)

        Exit codes: 0 success; 1 the server or token endpoint refused or could not be reached
        (printed as "error: <gRPC code>: <message>"); 2 a usage error.

        Examples (mash = dotnet run --project tools/Mash.Cli --):
          mash submit --client police-mash
          mash list --client social-care-mash --status awaiting-screening --overdue
          mash screen --client social-care-mash --id REF --rag amber --rationale "..."
          TOKEN=$(mash token --client police-mash); mash get --token "$TOKEN" --id REF
          mash assessments --client social-care-mash --gateway http://127.0.0.1:5200 --status open
          mash raise-flag --client police-mash --nhs "999 123 4578" --risk high \
            --reason "..." --evidence "..." --lawful-basis SAFEGUARDING_OF_CHILDREN
          mash profile --client social-care-mash --gateway http://127.0.0.1:5200 --nhs "999 123 4578"
          mash require-discussion --client social-care-mash --nhs "999 123 4578" --reason "..."
          mash discussions --client social-care-mash --nhs "999 123 4578"
          mash schedule --client social-care-mash --id DSC --at "2026-12-01 10:00" --format call \
            --invite "police:DS A. Example:detective sergeant" \
            --invite "health:Dr B. Example:designated doctor:in clinic; will send a report"
          mash attendance --client social-care-mash --id DSC \
            --present "children-social-care:C. Example:social worker" \
            --present "police:DS A. Example:detective sergeant" \
            --absent "health:Dr B. Example:designated doctor:in clinic, sent a report"
          mash conclude --client social-care-mash --id DSC --held-at "2026-12-01 10:45" \
            --information "Police: two call-outs to the address; health: missed appointments" \
            --s47 --investigation joint --abe --medical \
            --conduct "ABE interview Thursday 10:00 at the suite; medical the same afternoon" \
            --action "police:2026-12-03 17:00:Arrange the ABE interview" \
            --action "children-social-care:2026-12-02 12:00:for=Sam/Morgan/2015-03-02:See Sam at school" \
            --action "health:2026-12-04 17:00:Medical examination and report" \
            --legal-action "Legal planning meeting to consider an emergency protection order" \
            --family-told "Mother told of the s47 enquiry today; not of the police investigation" \
            --permission-not-sought-reason "Seeking it could put the child at risk of harm" \
            --minutes-file minutes.txt --document-ref "LCS-0012345"
          mash complete-action --client social-care-mash --id DSC --action ACT
          mash overdue-actions --client social-care-mash --all
        """;
}
