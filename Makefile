# A convenience for those who have make: every target is bin/dev's, which needs only python3
# (a fresh Debian or Ubuntu has no make). The README's two commands are `python3 bin/dev demo`
# and `python3 bin/dev check`.

PYTHON ?= python3

.PHONY: demo check setup lock bench clean

demo check setup lock bench clean:
	$(PYTHON) bin/dev $@
