"""The simulated PayFiP gateway of the DGFIP: its protocol and state machine."""
