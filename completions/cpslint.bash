# bash completion for cpslint (installed by make install into
# $(PREFIX)/share/bash-completion/completions/cpslint).
_cpslint()
{
    local cur prev words cword
    _init_completion 2>/dev/null || {
        cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}
        words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD
    }
    local cmd=check i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            check|outline|diff|rules|history) cmd=${words[i]}; break ;;
        esac
    done
    case $prev in
        --format)
            case $cmd in
                diff) COMPREPLY=($(compgen -W "text markdown json html" -- "$cur")) ;;
                outline) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
                rules|history) COMPREPLY=($(compgen -W "text json markdown" -- "$cur")) ;;
                *) COMPREPLY=($(compgen -W "text json sarif junit markdown github line gitlab jsonl html" -- "$cur")) ;;
            esac
            return ;;
        --fail-on) COMPREPLY=($(compgen -W "error warning notice never" -- "$cur")); return ;;
        --min-level) COMPREPLY=($(compgen -W "error warning notice" -- "$cur")); return ;;
        --as-of) COMPREPLY=($(compgen -W "doc today" -- "$cur")); return ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --ruleset|--only-ruleset)
            COMPREPLY=($(compgen -W "cabf-br mozilla ccadb chrome rfc3647" -- "$cur"))
            COMPREPLY+=($(compgen -f -X '!*.rules' -- "$cur")); return ;;
        --disable|--enable)
            COMPREPLY=($(compgen -W "$(cpslint rules 2>/dev/null | awk '/^[a-z]/{print $1}')" -- "$cur"))
            return ;;
        -o|--output|--baseline|--write-baseline|--translation|--git|--git-dir|-C|--config)
            COMPREPLY=($(compgen -f -- "$cur")); return ;;
    esac
    if [[ $cur == -* ]]; then
        local opts
        opts=$(cpslint "$cmd" --help 2>/dev/null | grep -oE -- '--[a-z][a-z-]*' | sort -u)
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    if ((cword == 1)); then
        COMPREPLY=($(compgen -W "check outline diff rules history --help --version" -- "$cur"))
    fi
    COMPREPLY+=($(compgen -f -- "$cur"))
}
complete -o filenames -F _cpslint cpslint
