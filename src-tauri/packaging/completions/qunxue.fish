# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_qunxue_global_optspecs
    string join \n v/verbose q/quiet h/help V/version
end

function __fish_qunxue_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_qunxue_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_qunxue_using_subcommand
    set -l cmd (__fish_qunxue_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c qunxue -n "__fish_qunxue_needs_command" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_needs_command" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_needs_command" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_needs_command" -s V -l version -d 'Print version'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "validate" -d 'Check a course pack; print every problem as `file:line:col: message`'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "inspect" -d 'Summarise what each course of a valid pack holds'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "import" -d 'Install or update the courses of a pack (folder or .zip)'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "render" -d 'Print a module\'s sanitised HTML (front matter removed) to stdout'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "new" -d 'Start a new pack: a commented skeleton with one of everything'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "convert" -d 'Turn a Word document or PowerPoint deck into a pack folder'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "pack" -d 'Zip a pack folder for import (validated first)'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "preview" -d 'Open a pack folder in the desktop app\'s author preview'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "impact" -d 'Before/after statistics of business metrics from a long-format CSV (learner,group,metric,period,value)'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "report" -d 'The three-level training-effect report of impact studies (HTML, XLSX, CSV, PDF)'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "quiz" -d 'Question banks: convert GIFT and Aiken files'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "export-submissions" -d 'Write your submitted practice tasks of a course to a signed bundle'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "import-submissions" -d 'Import a learner\'s submissions bundle (instructor)'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "export-grades" -d 'Write each learner\'s released grades and marks to a signed bundle of their own (instructor)'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "import-grades" -d 'Import an instructor\'s grades bundle'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "bundle-key" -d 'Print the acting profile\'s bundle-signing public key (for a course\'s `instructor_keys`) and fingerprint'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "demo" -d 'Fill a database with realistic, reproducible demo activity for its installed courses'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "backup" -d 'Online backup of the learner database to a file'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "restore" -d 'Replace the learner database with a verified backup (the old file is kept aside)'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "xapi" -d 'xAPI learning records: sync them to a Learning Record Store, or export them'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "certificate" -d 'Course certificates: verify a code, or export a learner\'s certificate (PDF / Open Badge)'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "profile" -d 'Profiles: add one (the first admin, or an instructor by an admin) or list them'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "records" -d 'Learner records between machines: export a signed bundle, import one'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "class" -d 'Classes: list a class\'s members with their figures, create a class, join one'
complete -c qunxue -n "__fish_qunxue_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qunxue -n "__fish_qunxue_using_subcommand validate" -l json -d 'Print JSON instead of text; its shape is part of the CLI contract (DESIGN.md §4)'
complete -c qunxue -n "__fish_qunxue_using_subcommand validate" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand validate" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand validate" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand inspect" -l json -d 'Print JSON instead of text; its shape is part of the CLI contract (DESIGN.md §4)'
complete -c qunxue -n "__fish_qunxue_using_subcommand inspect" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand inspect" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand inspect" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand import" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand import" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand import" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand import" -l force -d 'Replace an installed course even with an older version'
complete -c qunxue -n "__fish_qunxue_using_subcommand import" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand import" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand import" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand render" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand render" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand render" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand new" -l title -d 'The course title (default: the folder\'s name)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand new" -l lang -d 'The skeleton\'s language' -r -f -a "zh-CN\t''
en\t''"
complete -c qunxue -n "__fish_qunxue_using_subcommand new" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand new" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand new" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand convert" -l out -d 'The pack folder to write (made if missing)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand convert" -l split-level -d 'Word headings of this level or higher start a module (a deck is one module, or one per section)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand convert" -l kind -d 'The kind every module gets' -r -f -a "theory\t''
practice\t''
case\t''"
complete -c qunxue -n "__fish_qunxue_using_subcommand convert" -l overwrite -d 'Replace files you edited since the last conversion'
complete -c qunxue -n "__fish_qunxue_using_subcommand convert" -l json -d 'Print the report as JSON'
complete -c qunxue -n "__fish_qunxue_using_subcommand convert" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand convert" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand convert" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand pack" -l out -d 'The .zip to write (replaced if it exists)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand pack" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand pack" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand pack" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand preview" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand preview" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand preview" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand impact" -l seed -d 'Seed of the bootstrap\'s random numbers' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand impact" -l resamples -d 'Bootstrap resamples per group' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand impact" -l json -d 'Print the analysis as JSON (the documented contract)'
complete -c qunxue -n "__fish_qunxue_using_subcommand impact" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand impact" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand impact" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand report" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand report" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand report" -l out -d 'Folder for the report files (created if needed)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand report" -l study -d 'Only this study (its files go straight into DIR); default: every study' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand report" -l format -d 'Formats to write (comma-separated); default: all' -r -f -a "html\t''
xlsx\t''
csv\t''
pdf\t''"
complete -c qunxue -n "__fish_qunxue_using_subcommand report" -l seed -d 'Seed of the bootstrap\'s random numbers' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand report" -l resamples -d 'Bootstrap resamples per group' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand report" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand report" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand report" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand report" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and not __fish_seen_subcommand_from convert item-analysis export help" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and not __fish_seen_subcommand_from convert item-analysis export help" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and not __fish_seen_subcommand_from convert item-analysis export help" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and not __fish_seen_subcommand_from convert item-analysis export help" -f -a "convert" -d 'Convert a GIFT, Aiken or Moodle XML file into question banks (TOML) or JSON'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and not __fish_seen_subcommand_from convert item-analysis export help" -f -a "item-analysis" -d 'Facility, discrimination and option counts of a quiz\'s questions (CSV/XLSX/JSON)'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and not __fish_seen_subcommand_from convert item-analysis export help" -f -a "export" -d 'Write a course\'s question bank as GIFT or Moodle XML (answer keys included; instructors)'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and not __fish_seen_subcommand_from convert item-analysis export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from convert" -l from -d 'The file\'s format' -r -f -a "gift\t''
aiken\t''
moodle-xml\t''"
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from convert" -l out -d 'Write one bank per category to DIR/banks/ and embedded images to DIR/assets/ instead of printing' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from convert" -l json -d 'Print `[{"type","stem","options","answer"}]` (numeric questions add `"tolerance"`) instead of a bank'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from convert" -l partial -d 'Also print the questions that parsed when others did not (the exit code is still 1)'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from convert" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from convert" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from convert" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from item-analysis" -l course -d 'The course id (e.g. qunxue.community-ops)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from item-analysis" -l quiz -d 'The quiz id (e.g. quiz-m01)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from item-analysis" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from item-analysis" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from item-analysis" -l out -d 'Write the table to FILE.csv or FILE.xlsx' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from item-analysis" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from item-analysis" -l json -d 'Print JSON on stdout'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from item-analysis" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from item-analysis" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from item-analysis" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from export" -l course -d 'The course id (e.g. qunxue.community-ops)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from export" -l bank -d 'The bank id (e.g. bank-m01)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from export" -l to -d 'The format to write' -r -f -a "gift\t''
moodle-xml\t''"
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from export" -l out -d 'The file to write' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from export" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from export" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from export" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from export" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from help" -f -a "convert" -d 'Convert a GIFT, Aiken or Moodle XML file into question banks (TOML) or JSON'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from help" -f -a "item-analysis" -d 'Facility, discrimination and option counts of a quiz\'s questions (CSV/XLSX/JSON)'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write a course\'s question bank as GIFT or Moodle XML (answer keys included; instructors)'
complete -c qunxue -n "__fish_qunxue_using_subcommand quiz; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qunxue -n "__fish_qunxue_using_subcommand export-submissions" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand export-submissions" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand export-submissions" -l course -d 'The course (default: the only installed course). On import, the bundle must be for this course' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand export-submissions" -l out -d 'Where to write the bundle (.zip)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand export-submissions" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand export-submissions" -l json -d 'Print the summary as JSON'
complete -c qunxue -n "__fish_qunxue_using_subcommand export-submissions" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand export-submissions" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand export-submissions" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand import-submissions" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand import-submissions" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand import-submissions" -l course -d 'The course (default: the only installed course). On import, the bundle must be for this course' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand import-submissions" -l trust-key -d 'Trust the bundle\'s signing key first, if its fingerprint is this one (as shown when a bundle from a not-yet-trusted key was refused, and checked with its sender), then import' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand import-submissions" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand import-submissions" -l json -d 'Print the summary as JSON'
complete -c qunxue -n "__fish_qunxue_using_subcommand import-submissions" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand import-submissions" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand import-submissions" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand export-grades" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand export-grades" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand export-grades" -l course -d 'The course (default: the only installed course). On import, the bundle must be for this course' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand export-grades" -l learner -d 'The learner whose grades to write (with --out)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand export-grades" -l out -d 'Where to write that learner\'s bundle (.zip)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand export-grades" -l out-dir -d 'Write a bundle per learner with grades into this folder' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand export-grades" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand export-grades" -l json -d 'Print the summary as JSON'
complete -c qunxue -n "__fish_qunxue_using_subcommand export-grades" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand export-grades" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand export-grades" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand import-grades" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand import-grades" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand import-grades" -l course -d 'The course (default: the only installed course). On import, the bundle must be for this course' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand import-grades" -l trust-key -d 'Trust the bundle\'s signing key first, if its fingerprint is this one (as shown when a bundle from a not-yet-trusted key was refused, and checked with its sender), then import' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand import-grades" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand import-grades" -l json -d 'Print the summary as JSON'
complete -c qunxue -n "__fish_qunxue_using_subcommand import-grades" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand import-grades" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand import-grades" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand bundle-key" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand bundle-key" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand bundle-key" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand bundle-key" -l json -d 'Print {"publicKey","fingerprint"} as JSON'
complete -c qunxue -n "__fish_qunxue_using_subcommand bundle-key" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand bundle-key" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand bundle-key" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand demo" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand demo" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand demo" -l learners -d 'How many learner profiles to create' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand demo" -l seed -d 'The same seed on the same courses makes the same activity' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand demo" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand demo" -l json -d 'Print the summary as JSON'
complete -c qunxue -n "__fish_qunxue_using_subcommand demo" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand demo" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand demo" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand backup" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand backup" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand backup" -l out -d 'The backup file to write (replaced atomically if it exists)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand backup" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand backup" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand backup" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand backup" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand restore" -l from -d 'The backup file to restore' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand restore" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand restore" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand restore" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand restore" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand restore" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand restore" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and not __fish_seen_subcommand_from configure sync marks export help" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and not __fish_seen_subcommand_from configure sync marks export help" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and not __fish_seen_subcommand_from configure sync marks export help" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and not __fish_seen_subcommand_from configure sync marks export help" -f -a "configure" -d 'Save the LRS this machine sends to (admin); the password is read from standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and not __fish_seen_subcommand_from configure sync marks export help" -f -a "sync" -d 'Send pending statements to the LRS'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and not __fish_seen_subcommand_from configure sync marks export help" -f -a "marks" -d 'Read back the marks released about this machine\'s profiles (company mode)'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and not __fish_seen_subcommand_from configure sync marks export help" -f -a "export" -d 'Write every statement to a JSON file (an array)'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and not __fish_seen_subcommand_from configure sync marks export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from configure" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from configure" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from configure" -l endpoint -d 'The LRS\'s xAPI root URL: https://, or http:// to this computer only. Empty switches sending off' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from configure" -l user -d 'The LRS account (basic auth)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from configure" -l iri-base -d 'The IRI base activity ids are built under (default: keep the saved one)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from configure" -l marks-arrive-by -d 'How marks reach this machine\'s learners: by grades bundle (private mode) or from the LRS (company mode)' -r -f -a "bundle\t''
lrs\t''"
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from configure" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from configure" -l password-stdin -d 'Read a new LRS password from the first line of standard input (without it the saved one is kept, unless the endpoint changes)'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from configure" -l json -d 'Print the saved settings as JSON (never the password)'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from configure" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from configure" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from configure" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from sync" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from sync" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from sync" -l endpoint -d 'The LRS\'s xAPI root URL (statements are at `{URL}/statements`)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from sync" -l user -d 'The LRS account (basic auth)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from sync" -l batch-size -d 'Statements per request' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from sync" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from sync" -l password-stdin -d 'Read the LRS password from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from sync" -l json -d 'Print the summary as JSON: {"sent","batches","pending","seconds","per_second"}'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from sync" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from marks" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from marks" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from marks" -l endpoint -d 'The LRS\'s xAPI root URL (statements are at `{URL}/statements`)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from marks" -l user -d 'The LRS account (basic auth)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from marks" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from marks" -l password-stdin -d 'Read the LRS password from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from marks" -l json -d 'Print the summary as JSON: {"marksArriveBy","profiles","statements","writtenElsewhere","applied"}'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from marks" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from marks" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from marks" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from export" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from export" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from export" -l out -d 'The JSON file to write' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from export" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from export" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from help" -f -a "configure" -d 'Save the LRS this machine sends to (admin); the password is read from standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Send pending statements to the LRS'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from help" -f -a "marks" -d 'Read back the marks released about this machine\'s profiles (company mode)'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write every statement to a JSON file (an array)'
complete -c qunxue -n "__fish_qunxue_using_subcommand xapi; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and not __fish_seen_subcommand_from verify export help" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and not __fish_seen_subcommand_from verify export help" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and not __fish_seen_subcommand_from verify export help" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and not __fish_seen_subcommand_from verify export help" -f -a "verify" -d 'Check a verification code (QX-XXXX-XXXX-XXXX-XXXX; case and dashes do not matter) against the database that issued it, or an exported credential file (.json) by its signature alone'
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and not __fish_seen_subcommand_from verify export help" -f -a "export" -d 'Write a learner\'s certificate for a course (they must have completed it)'
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and not __fish_seen_subcommand_from verify export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and __fish_seen_subcommand_from verify" -l db -d 'The learner database that issued the certificate (default: the desktop app\'s)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and __fish_seen_subcommand_from verify" -l json -d 'Print the certificate as JSON'
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and __fish_seen_subcommand_from export" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and __fish_seen_subcommand_from export" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and __fish_seen_subcommand_from export" -l course -r
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and __fish_seen_subcommand_from export" -l pdf -d 'Write the PDF certificate here' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and __fish_seen_subcommand_from export" -l badge -d 'Write the Open Badges 3.0 credential (JSON) here' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and __fish_seen_subcommand_from export" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and __fish_seen_subcommand_from export" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check a verification code (QX-XXXX-XXXX-XXXX-XXXX; case and dashes do not matter) against the database that issued it, or an exported credential file (.json) by its signature alone'
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write a learner\'s certificate for a course (they must have completed it)'
complete -c qunxue -n "__fish_qunxue_using_subcommand certificate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and not __fish_seen_subcommand_from add list help" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and not __fish_seen_subcommand_from add list help" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and not __fish_seen_subcommand_from add list help" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and not __fish_seen_subcommand_from add list help" -f -a "add" -d 'Add a profile (an instructor or admin with its PIN)'
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and not __fish_seen_subcommand_from add list help" -f -a "list" -d 'Every profile of the database (no PIN or hash is shown)'
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and not __fish_seen_subcommand_from add list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and __fish_seen_subcommand_from add" -l db -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and __fish_seen_subcommand_from add" -l profile -d 'The admin who adds an instructor or a second admin' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and __fish_seen_subcommand_from add" -l name -d 'The name shown in the profile picker' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and __fish_seen_subcommand_from add" -l role -r -f -a "learner\t''
instructor\t''
admin\t''"
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and __fish_seen_subcommand_from add" -l pin-stdin -d 'Read the new profile\'s PIN (6 digits or more for instructors and admins) from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and __fish_seen_subcommand_from add" -l json
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and __fish_seen_subcommand_from add" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and __fish_seen_subcommand_from list" -l db -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and __fish_seen_subcommand_from list" -l json
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a profile (an instructor or admin with its PIN)'
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every profile of the database (no PIN or hash is shown)'
complete -c qunxue -n "__fish_qunxue_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and not __fish_seen_subcommand_from export import help" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and not __fish_seen_subcommand_from export import help" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and not __fish_seen_subcommand_from export import help" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and not __fish_seen_subcommand_from export import help" -f -a "export" -d 'Write learner records of a course to a signed bundle'
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and not __fish_seen_subcommand_from export import help" -f -a "import" -d 'Take in a learner-record bundle (instructors and admins)'
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and not __fish_seen_subcommand_from export import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from export" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from export" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from export" -l course -r
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from export" -l learner -d 'Whose records (default: the acting profile\'s own)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from export" -l out -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from export" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from export" -l all -d 'Every learner of this machine with records in the course'
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from export" -l json
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from export" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from import" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from import" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from import" -l trust-key -d 'Trust the bundle\'s signing key first, if its fingerprint is this one' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from import" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from import" -l json
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from import" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write learner records of a course to a signed bundle'
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from help" -f -a "import" -d 'Take in a learner-record bundle (instructors and admins)'
complete -c qunxue -n "__fish_qunxue_using_subcommand records; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and not __fish_seen_subcommand_from list create pull join help" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and not __fish_seen_subcommand_from list create pull join help" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and not __fish_seen_subcommand_from list create pull join help" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and not __fish_seen_subcommand_from list create pull join help" -f -a "list" -d 'Every learner of a course (or of one class) with their figures'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and not __fish_seen_subcommand_from list create pull join help" -f -a "create" -d 'Create a class of a course and print its join code (instructors)'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and not __fish_seen_subcommand_from list create pull join help" -f -a "pull" -d 'Read a course\'s statements back from the Learning Record Store and merge every learner\'s records (instructors and admins). Without `--endpoint`, the LRS saved in the database; the password is read from standard input, never from the command line'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and not __fish_seen_subcommand_from list create pull join help" -f -a "join" -d 'Join the class whose code the instructor handed out'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and not __fish_seen_subcommand_from list create pull join help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from list" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from list" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from list" -l course -r
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from list" -l class -d 'A class\'s join code' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from list" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from list" -l json
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from create" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from create" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from create" -l course -r
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from create" -l name -r
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from create" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from create" -l json
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from pull" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from pull" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from pull" -l course -r
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from pull" -l endpoint -d 'The LRS\'s xAPI root URL (statements are at `{URL}/statements`)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from pull" -l user -d 'The LRS account (basic auth)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from pull" -l page-size -d 'Statements per page' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from pull" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from pull" -l password-stdin -d 'Read the LRS password from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from pull" -l json -d 'Print {"statements","members","added","seconds"} as JSON'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from pull" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from pull" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from join" -l db -d 'The learner database (default: the desktop app\'s, in the OS app-data folder)' -r -F
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from join" -l profile -d 'Act as this profile id (default: the active learner)' -r
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from join" -l course -r
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from join" -l pin-stdin -d 'Read the acting profile\'s PIN from the first line of standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from join" -l json
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from join" -s v -l verbose -d 'More log lines on stderr (-v: info, -vv: debug)'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from join" -s q -l quiet -d 'Only errors on stderr'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from join" -s h -l help -d 'Print help'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every learner of a course (or of one class) with their figures'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a class of a course and print its join code (instructors)'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from help" -f -a "pull" -d 'Read a course\'s statements back from the Learning Record Store and merge every learner\'s records (instructors and admins). Without `--endpoint`, the LRS saved in the database; the password is read from standard input, never from the command line'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from help" -f -a "join" -d 'Join the class whose code the instructor handed out'
complete -c qunxue -n "__fish_qunxue_using_subcommand class; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "validate" -d 'Check a course pack; print every problem as `file:line:col: message`'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "inspect" -d 'Summarise what each course of a valid pack holds'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "import" -d 'Install or update the courses of a pack (folder or .zip)'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "render" -d 'Print a module\'s sanitised HTML (front matter removed) to stdout'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "new" -d 'Start a new pack: a commented skeleton with one of everything'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "convert" -d 'Turn a Word document or PowerPoint deck into a pack folder'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "pack" -d 'Zip a pack folder for import (validated first)'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "preview" -d 'Open a pack folder in the desktop app\'s author preview'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "impact" -d 'Before/after statistics of business metrics from a long-format CSV (learner,group,metric,period,value)'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "report" -d 'The three-level training-effect report of impact studies (HTML, XLSX, CSV, PDF)'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "quiz" -d 'Question banks: convert GIFT and Aiken files'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "export-submissions" -d 'Write your submitted practice tasks of a course to a signed bundle'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "import-submissions" -d 'Import a learner\'s submissions bundle (instructor)'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "export-grades" -d 'Write each learner\'s released grades and marks to a signed bundle of their own (instructor)'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "import-grades" -d 'Import an instructor\'s grades bundle'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "bundle-key" -d 'Print the acting profile\'s bundle-signing public key (for a course\'s `instructor_keys`) and fingerprint'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "demo" -d 'Fill a database with realistic, reproducible demo activity for its installed courses'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "backup" -d 'Online backup of the learner database to a file'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "restore" -d 'Replace the learner database with a verified backup (the old file is kept aside)'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "xapi" -d 'xAPI learning records: sync them to a Learning Record Store, or export them'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "certificate" -d 'Course certificates: verify a code, or export a learner\'s certificate (PDF / Open Badge)'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "profile" -d 'Profiles: add one (the first admin, or an instructor by an admin) or list them'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "records" -d 'Learner records between machines: export a signed bundle, import one'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "class" -d 'Classes: list a class\'s members with their figures, create a class, join one'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and not __fish_seen_subcommand_from validate inspect import render new convert pack preview impact report quiz export-submissions import-submissions export-grades import-grades bundle-key demo backup restore xapi certificate profile records class help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and __fish_seen_subcommand_from quiz" -f -a "convert" -d 'Convert a GIFT, Aiken or Moodle XML file into question banks (TOML) or JSON'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and __fish_seen_subcommand_from quiz" -f -a "item-analysis" -d 'Facility, discrimination and option counts of a quiz\'s questions (CSV/XLSX/JSON)'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and __fish_seen_subcommand_from quiz" -f -a "export" -d 'Write a course\'s question bank as GIFT or Moodle XML (answer keys included; instructors)'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and __fish_seen_subcommand_from xapi" -f -a "configure" -d 'Save the LRS this machine sends to (admin); the password is read from standard input'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and __fish_seen_subcommand_from xapi" -f -a "sync" -d 'Send pending statements to the LRS'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and __fish_seen_subcommand_from xapi" -f -a "marks" -d 'Read back the marks released about this machine\'s profiles (company mode)'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and __fish_seen_subcommand_from xapi" -f -a "export" -d 'Write every statement to a JSON file (an array)'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and __fish_seen_subcommand_from certificate" -f -a "verify" -d 'Check a verification code (QX-XXXX-XXXX-XXXX-XXXX; case and dashes do not matter) against the database that issued it, or an exported credential file (.json) by its signature alone'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and __fish_seen_subcommand_from certificate" -f -a "export" -d 'Write a learner\'s certificate for a course (they must have completed it)'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "add" -d 'Add a profile (an instructor or admin with its PIN)'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "list" -d 'Every profile of the database (no PIN or hash is shown)'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and __fish_seen_subcommand_from records" -f -a "export" -d 'Write learner records of a course to a signed bundle'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and __fish_seen_subcommand_from records" -f -a "import" -d 'Take in a learner-record bundle (instructors and admins)'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and __fish_seen_subcommand_from class" -f -a "list" -d 'Every learner of a course (or of one class) with their figures'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and __fish_seen_subcommand_from class" -f -a "create" -d 'Create a class of a course and print its join code (instructors)'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and __fish_seen_subcommand_from class" -f -a "pull" -d 'Read a course\'s statements back from the Learning Record Store and merge every learner\'s records (instructors and admins). Without `--endpoint`, the LRS saved in the database; the password is read from standard input, never from the command line'
complete -c qunxue -n "__fish_qunxue_using_subcommand help; and __fish_seen_subcommand_from class" -f -a "join" -d 'Join the class whose code the instructor handed out'
