package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/internal/seal"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
)

// sealConfig is the seal configuration of the workbook in use.
func (a *app) sealConfig() (seal.Config, error) { return seal.Load(a.dbPath) }

// sealKeys are the keys a command may need: the passphrase, from
// BACKCHANNEL_PASSPHRASE or typed at the terminal (never an argument, which
// would sit in the shell history), and any --identity files.
func (a *app) sealKeys(identities []string) seal.Keys {
	return seal.Keys{IdentityFiles: identities, Passphrase: a.passphrase}
}

// passphrase reads the seal passphrase once per run.
func (a *app) passphrase(confirm bool) (string, error) {
	if a.pass != "" {
		return a.pass, nil
	}
	if p := os.Getenv("BACKCHANNEL_PASSPHRASE"); p != "" {
		a.pass = p
		return p, nil
	}
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return "", errors.New("a passphrase is needed; set BACKCHANNEL_PASSPHRASE or run in a terminal")
	}
	defer tty.Close()
	ask := func(prompt string) (string, error) {
		fmt.Fprint(tty, prompt)
		b, err := term.ReadPassword(tty.Fd())
		fmt.Fprintln(tty)
		return string(b), err
	}
	p, err := ask("Seal passphrase: ")
	if err != nil {
		return "", fmt.Errorf("cannot read the passphrase: %w", err)
	}
	if p == "" {
		return "", errors.New("the passphrase is empty")
	}
	if confirm {
		again, err := ask("Again, to confirm: ")
		if err != nil {
			return "", fmt.Errorf("cannot read the passphrase: %w", err)
		}
		if again != p {
			return "", errors.New("the two passphrases differ; nothing was changed")
		}
	}
	a.pass = p
	return p, nil
}

// sealOutput seals data for a file when the workbook is sealed, and warns
// on stderr when an unsealed file goes into a cloud-synced folder.
func (a *app) sealOutput(path string, data []byte) ([]byte, error) {
	cfg, err := a.sealConfig()
	if err != nil {
		return nil, err
	}
	if cfg.On() {
		return seal.Seal(cfg, a.sealKeys(nil), data)
	}
	a.warnCloud(path)
	return data, nil
}

// warnCloud says, in one line, that an unsealed copy is going to the cloud.
func (a *app) warnCloud(path string) {
	if svc := seal.CloudFolder(path); svc != "" {
		fmt.Fprintf(a.stderr, "backchannel: warning: %s is in a folder synced to %s and is not sealed; run `backchannel seal setup` to encrypt copies\n", path, svc)
	}
}

// sealMigrationBackup opens the sealed file that the copy saved before a
// schema migration is encrypted into as it is made; none when the workbook
// is not sealed.
func (a *app) sealMigrationBackup(path string) (db.SealedFile, error) {
	cfg, err := a.sealConfig()
	if err != nil || !cfg.On() {
		return nil, err
	}
	return seal.Create(cfg, a.sealKeys(nil), path)
}

// identityPath is where `seal setup` keeps a generated private key: with
// the configuration, apart from the data and its backups.
func identityPath() string {
	base := os.Getenv("XDG_CONFIG_HOME")
	if base == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			home = "."
		}
		base = filepath.Join(home, ".config")
	}
	return filepath.Join(base, "backchannel", "identity.txt")
}

func (a *app) sealCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "seal",
		Short: "Encrypt backups, exports and written briefs with age",
		Long: `Sealing encrypts every copy backchannel writes outside the workbook — backups
(also the one made before a schema upgrade), export -o, contacts export -o and
brief -o — with age: to X25519 recipients, or with a passphrase. import and
restore read sealed copies back. The workbook itself is not encrypted.

The configuration sits beside the workbook (workbook.db.seal). A private key
that setup generates is kept in $XDG_CONFIG_HOME/backchannel/identity.txt:
keep a copy somewhere safe, apart from the backups, or they cannot be read.`,
		Args: exactArgs(0, "a subcommand: setup, status or off"),
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(a.sealSetupCommand(), a.sealStatusCommand(), a.sealOffCommand())
	return cmd
}

func (a *app) sealSetupCommand() *cobra.Command {
	var recipients []string
	var passphrase bool
	cmd := &cobra.Command{
		Use:   "setup",
		Short: "Seal copies to a new or given age key, or with a passphrase",
		Example: `  backchannel seal setup                       # generate a key (or reuse yours) and seal to it
  backchannel seal setup --recipient age1…      # seal to your own age key(s)
  backchannel seal setup --passphrase           # ask for a passphrase each time`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if passphrase && len(recipients) > 0 {
				return usagef(errors.New("choose recipients or a passphrase, not both (age seals a file with one or the other)"))
			}
			if _, err := a.open(cmd.Context()); err != nil {
				return err
			}
			var cfg seal.Config
			switch {
			case passphrase:
				if _, err := a.passphrase(true); err != nil {
					return err
				}
				cfg.Passphrase = true
			case len(recipients) > 0:
				for _, r := range recipients {
					ok, err := seal.ParseRecipient(r)
					if err != nil {
						return usagef(err)
					}
					if !slices.Contains(cfg.Recipients, ok) {
						cfg.Recipients = append(cfg.Recipients, ok)
					}
				}
			default:
				path := identityPath()
				r, err := existingRecipient(path)
				if err != nil {
					return err
				}
				if r == "" {
					if r, err = seal.NewIdentity(path); err != nil {
						return fmt.Errorf("cannot create the key %s: %w", path, err)
					}
					fmt.Fprintf(a.stdout, "Generated an age key in %s. Keep a copy somewhere safe, apart from the backups: without it they cannot be read.\n", path)
				}
				cfg.Recipients, cfg.Identity = []string{r}, path
			}
			if err := seal.Save(a.dbPath, cfg); err != nil {
				return fmt.Errorf("cannot save %s: %w", seal.ConfigPath(a.dbPath), err)
			}
			fmt.Fprintf(a.stdout, "Copies of %s are now %s.\n", a.dbPath, cfg.Describe())
			return nil
		},
	}
	cmd.Flags().StringSliceVar(&recipients, "recipient", nil, "an age X25519 recipient (age1…); repeat for several")
	cmd.Flags().BoolVar(&passphrase, "passphrase", false, "seal with a passphrase (asked for at the terminal, or BACKCHANNEL_PASSPHRASE)")
	return cmd
}

// existingRecipient reads the public key of an identity file setup made
// before, or "" when there is none.
func existingRecipient(path string) (string, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if r, ok := strings.CutPrefix(line, "# public key: "); ok {
			return seal.ParseRecipient(r)
		}
	}
	return "", fmt.Errorf("%s exists but is not a key backchannel made; pass --recipient with its public key", path)
}

func (a *app) sealStatusCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "status",
		Short: "Say whether and how copies are sealed",
		Args:  exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := a.open(cmd.Context()); err != nil {
				return err
			}
			cfg, err := a.sealConfig()
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Copies of %s are %s.\n", a.dbPath, cfg.Describe())
			if cfg.Identity != "" {
				fmt.Fprintf(a.stdout, "The key that reads them is %s.\n", cfg.Identity)
			}
			return nil
		},
	}
}

func (a *app) sealOffCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "off",
		Short: "Stop sealing new copies (sealed ones stay sealed; the key is kept)",
		Args:  exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := a.open(cmd.Context()); err != nil {
				return err
			}
			if err := seal.Save(a.dbPath, seal.Config{}); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "New copies of %s will not be sealed.\n", a.dbPath)
			return nil
		},
	}
}
