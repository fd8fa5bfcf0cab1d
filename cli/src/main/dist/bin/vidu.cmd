@echo off
rem vidu: the Vidu command line. Runs on the runtime in ..\runtime if there is one (the
rem self-contained app image), else on Java 17+ from JAVA_HOME, else on the java found on PATH.
setlocal
set "VIDU_HOME=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%VIDU_HOME%\runtime\bin\java.exe" set "JAVA=%VIDU_HOME%\runtime\bin\java.exe"
rem A short-lived command: the quick compiler alone and the serial collector start fastest.
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "%VIDU_HOME%\lib\vidu.jar" %*
exit /b %ERRORLEVEL%
