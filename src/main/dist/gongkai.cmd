@echo off
rem gongkai launcher: runs gongkai.jar beside this script.
rem A short command starts with the class archive built at package time (gongkai.jsa, AppCDS) and the quick client
rem compiler only; serve starts with its own archive (gongkai-serve.jsa) and the client compiler only too (as in the
rem sh launcher); simulator, demo and bench keep the full JIT. When the archive is missing or does not match, Java
rem prints one warning and runs the jar plainly. Extra JVM options: GONGKAI_JAVA_OPTS, after the launcher's own so that
rem they win (GONGKAI_JAVA_OPTS=-XX:TieredStopAtLevel=4 gives serve C2).
setlocal
set "DIR=%~dp0"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
if not exist "%DIR%gongkai.jar" (
  echo 错误：找不到 %DIR%gongkai.jar。请先在项目目录运行 mvn -B -q package -DskipTests。 1>&2
  exit /b 4
)
set "CMD=%~1"
if /I "%~1"=="--config" set "CMD=%~3"
set "OPTS="
set "JSA=%DIR%gongkai.jsa"
if /I "%CMD%"=="serve" if exist "%DIR%gongkai-serve.jsa" set "JSA=%DIR%gongkai-serve.jsa"
if exist "%JSA%" set OPTS=-Xshare:auto "-XX:SharedArchiveFile=%JSA%"
set "SHORT=yes"
for %%C in (simulator demo bench) do if /I "%CMD%"=="%%C" set "SHORT=no"
if "%SHORT%"=="yes" set OPTS=%OPTS% -XX:TieredStopAtLevel=1
"%JAVA%" %OPTS% %GONGKAI_JAVA_OPTS% -jar "%DIR%gongkai.jar" %*
exit /b %ERRORLEVEL%
