"""Word, OpenDocument and rich-text documents converted to PDF by LibreOffice, run headless in a
private profile inside a temporary folder of its own (removed afterwards, whatever happens), with
a time limit, and configured so that it fetches nothing over the network and runs no macro.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from packs.inputs import CONVERTED, InputProblem

PACKAGE = "libreoffice-writer-nogui"  # the Debian package with the converter (python3 bin/dev check installs it)
TIMEOUT = 120.0  # seconds for one document: a few seconds is usual; more means LibreOffice is stuck

# The private profile's settings, read by LibreOffice on start: never load linked content from
# other places (BlockUntrustedRefererLinks), never run macros, and send any web request to a port
# nothing listens on, so a document that links a remote picture cannot make LibreOffice fetch it.
_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
{items}
</oor:items>
"""
_ITEM = '<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value></prop></item>'
_NO_PROXY_PORT = 9  # "discard": nothing listens there, so a connection is refused at once
_PREFERENCES = (
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
    ("/org.openoffice.Office.Common/Misc", "FirstRun", "false"),
    ("/org.openoffice.Inet/Settings", "ooInetProxyType", "2"),
    ("/org.openoffice.Inet/Settings", "ooInetNoProxy", ""),
    *(
        ("/org.openoffice.Inet/Settings", f"ooInet{scheme}Proxy{part}", value)
        for scheme in ("HTTP", "HTTPS", "FTP")
        for part, value in (("Name", "127.0.0.1"), ("Port", str(_NO_PROXY_PORT)))
    ),
)


def find_soffice() -> str | None:
    """LibreOffice's command on the PATH, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(path: Path, kind: str, timeout: float = TIMEOUT) -> bytes:
    """The PDF LibreOffice makes of a document; InputProblem saying why when it cannot."""
    what = CONVERTED[kind]
    soffice = find_soffice()
    if soffice is None:
        raise InputProblem(
            f"is {'an' if what[0] in 'AEIOUaeiou' else 'a'} {what}, and converting it to PDF needs LibreOffice, "
            "which is not installed: install the "
            f"Debian package {PACKAGE} (sudo apt-get install {PACKAGE}), or save the document as PDF"
        )
    with tempfile.TemporaryDirectory(prefix="casepost-convert-") as name:
        work = Path(name)
        profile = work / "profile"
        (profile / "user").mkdir(parents=True)
        items = "\n".join(_ITEM.format(path=p, name=n, value=v) for p, n, v in _PREFERENCES)
        (profile / "user" / "registrymodifications.xcu").write_text(_SETTINGS.format(items=items), encoding="utf-8")
        # A copy under a fixed name: LibreOffice names its output after its input, and the file's
        # own name (which may hold a person's name) stays out of what it writes.
        source = work / f"document.{kind}"
        shutil.copyfile(path, source)
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        _run(command, work, timeout, what)
        made = work / "out" / "document.pdf"
        if not made.is_file() or made.stat().st_size == 0:
            raise InputProblem(
                f"could not be converted to PDF by LibreOffice: it is a damaged {what}, or not really one "
                "(open it and save it again, or save it as PDF)"
            )
        return made.read_bytes()


def _environment(work: Path) -> dict[str, str]:
    """LibreOffice's environment: its home and temporary files inside `work` (so nothing is left
    elsewhere, even if it is killed) and every proxy pointing nowhere.
    """
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    nowhere = f"http://127.0.0.1:{_NO_PROXY_PORT}"
    env.update(HOME=str(work), TMPDIR=str(work), TMP=str(work), TEMP=str(work), SAL_USE_VCLPLUGIN="svp")
    env.update(http_proxy=nowhere, https_proxy=nowhere, ftp_proxy=nowhere, all_proxy=nowhere, no_proxy="")
    return env


def _run(command: list[str], work: Path, timeout: float, what: str) -> None:
    """Run LibreOffice in a process group of its own, killing the whole group when time runs out
    (soffice starts soffice.bin, which a kill of soffice alone would leave running).
    """
    process = subprocess.Popen(
        command,
        cwd=work,
        env=_environment(work),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(process.pid)
        process.communicate()
        raise InputProblem(
            f"could not be converted to PDF: LibreOffice did not finish within {timeout:g} seconds "
            f"(the {what} may be damaged or very large; save it as PDF instead)"
        ) from None
    finally:
        _kill_group(process.pid)  # anything of the group still running once soffice itself has ended


def _kill_group(group: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(group, signal.SIGKILL)
